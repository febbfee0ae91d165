// Heading ids: `## Title {#my-id}`, `{: #id}` under a heading, or kramdown's GFM auto id; plus the anchor link.
//
// Ids are set before markdown-it-anchor runs (explicit ones by the rule here, automatic ones
// through its `slugifyWithState`), so anchor only checks them and adds the permalink. Explicit ids
// are reserved first, so an earlier automatic id never takes an id written further down.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { kramdownSlug, SlugCounter } from "./slug.ts";

// kramdown's HEADER_ID: a space or tab, then `{#name}` with an XML name, at the end of the text.
const HEADER_ID = /[\t ]+\{#([\p{L}_:][\p{L}\p{N}_:.\-]*)\}$/u;

export interface HeadingIdsOptions {
  report: MarkdownReport;
}

/** Per render: markdown-it makes a new StateCore for every call, so ids never leak across pages. */
const counters = new WeakMap<StateCore, SlugCounter>();

export function headingIds(md: MarkdownIt, { report }: HeadingIdsOptions): void {
  md.core.ruler.after("kramdown_span_attributes", "kramdown_heading_ids", (state) => {
    counters.set(state, new SlugCounter(explicitIds(state, report)));
  });

  const afterHeader = anchor.permalink.linkAfterHeader({
    style: "visually-hidden",
    class: "heading-anchor",
    symbol: "#",
    assistiveText: (title) => `Link to this section: ${title}`,
    visuallyHiddenClass: "visually-hidden",
    // The link repeats the heading; keep it out of search excerpts.
    renderAttrs: () => ({ "data-pagefind-ignore": "" }),
  });

  md.use(anchor, {
    tabIndex: false,
    slugifyWithState: (title, state) => nextSlug(state, title),
    // kramdown gives a heading whose text has no word characters no id; there is nothing to link.
    permalink: (slug, opts, state, idx) => {
      if (slug !== "") afterHeader(slug, opts, state, idx);
    },
    callback: (token, { slug }) => {
      if (slug === "") token.attrs = token.attrs?.filter(([name]) => name !== "id") ?? null;
    },
  });
}

function nextSlug(state: StateCore, title: string): string {
  let counter = counters.get(state);
  if (!counter) counters.set(state, (counter = new SlugCounter()));
  return counter.next(kramdownSlug(title));
}

/**
 * Strip `{#id}` from heading text into the heading's id (an id from an attribute line wins, as in
 * kramdown), and collect every explicit id on the page. A repeated explicit id is an error; the
 * repeat is renamed so the page still has unique ids (markdown-it-anchor would throw otherwise).
 */
function explicitIds(state: StateCore, report: MarkdownReport): Set<string> {
  const seen = new Set<string>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "heading_open") stripHeaderId(token, tokens[i + 1]);
    for (const t of [token, ...(token.children ?? [])]) {
      const id = t.attrGet("id");
      if (id === null) continue;
      if (seen.has(id)) {
        report(state.env, token.map?.[0], {
          severity: "error",
          code: "MD_DUPLICATE_ID",
          message: `The id "${id}" is set twice on this page.`,
          hint: "Give each `{#id}` / `{: #id}` on a page a different name.",
        });
        let n = 1;
        while (seen.has(`${id}-${n}`)) n++;
        t.attrSet("id", `${id}-${n}`);
      }
      seen.add(t.attrGet("id")!);
    }
  }
  return seen;
}

function stripHeaderId(heading: Token, inline: Token | undefined): void {
  const last = inline?.children?.at(-1);
  if (!inline || last?.type !== "text") return;
  const m = HEADER_ID.exec(last.content);
  if (!m) return;
  last.content = last.content.slice(0, m.index);
  inline.content = inline.content.replace(HEADER_ID, "");
  if (heading.attrGet("id") === null) heading.attrSet("id", m[1]!);
}
