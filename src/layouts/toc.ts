// The on-page table of contents: the h2 and h3 headings of a rendered page, read with an HTML parser,
// or straight from markdown-it's tokens when those say everything the HTML would (TocIndex).
import { Parser } from "htmlparser2";
import type { Token } from "markdown-it";

export interface TocEntry {
  level: 2 | 3;
  id: string;
  text: string;
  children: TocEntry[];
}

/** Headings left out of the TOC: kramdown's `{:.no_toc}` and headings a writer hid. */
const SKIP_HEADING_CLASSES = ["no_toc"];
/** Elements inside a heading whose text is not part of its title (the anchor link, hidden parts). */
const SKIP_TEXT_CLASSES = ["heading-anchor", "visually-hidden", "sr-only"];

const hasClass = (attrs: Record<string, string>, names: string[]) =>
  (attrs.class ?? "").split(/\s+/).some((c) => names.includes(c));

/** h2 entries, each holding the h3 entries that follow it. An h3 before any h2 stands on its own. */
export function tableOfContents(html: string): TocEntry[] {
  const flat: Array<Omit<TocEntry, "children">> = [];
  let current: { level: 2 | 3; id: string; text: string } | undefined;
  let skipDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (current) {
          if (skipDepth > 0 || hasClass(attrs, SKIP_TEXT_CLASSES) || attrs["aria-hidden"] === "true") skipDepth++;
          return;
        }
        if ((name === "h2" || name === "h3") && attrs.id && !hasClass(attrs, SKIP_HEADING_CLASSES)) {
          current = { level: name === "h2" ? 2 : 3, id: attrs.id, text: "" };
        }
      },
      ontext(text) {
        if (current && skipDepth === 0) current.text += text;
      },
      onclosetag(name) {
        if (!current) return;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === `h${current.level}`) {
          const text = current.text.replace(/\s+/g, " ").trim();
          if (text) flat.push({ level: current.level, id: current.id, text });
          current = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return nest(flat);
}

/** h2 entries, each holding the h3 entries that follow it. */
function nest(flat: Array<Omit<TocEntry, "children">>): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of flat) {
    const last = toc.at(-1);
    if (h.level === 3 && last?.level === 2) last.children.push({ ...h, children: [] });
    else toc.push({ ...h, children: [] });
  }
  return toc;
}

/** Inline tokens whose text is exactly what the HTML shows (markdown-it escapes it; the parser decodes it). */
const PLAIN_INLINE = new Set(["text", "code_inline", "softbreak", "hardbreak", "link_open", "link_close", "em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"]);
const RAW_HEADING = /<h[23][\s>/]/i;

/**
 * The same TOC as `tableOfContents` of the rendered HTML, from the tokens, or undefined when they
 * cannot tell: raw HTML that might hold an h2/h3, or a heading with anything but plain inline
 * content (inline HTML, span attributes: parts the parser would skip). The equivalence is tested
 * over the guide and every kramdown fixture (tests/layouts/toc.test.ts).
 */
export function tocFromTokens(tokens: readonly Token[]): TocEntry[] | undefined {
  const flat: Array<Omit<TocEntry, "children">> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.type === "html_block" || t.type === "html_inline") && RAW_HEADING.test(t.content)) return undefined;
    if (t.type === "inline" && t.children?.some((c) => c.type === "html_inline" && RAW_HEADING.test(c.content))) return undefined;
    const heading = t.tag === "h2" || t.tag === "h3";
    // An h2/h3 made some other way (an HTML block kept as a container, src/markdown/kramdown/).
    if (heading && t.type !== "heading_open" && t.type !== "heading_close") return undefined;
    if (t.type !== "heading_open" || !heading) continue;
    const id = t.attrGet("id");
    if (!id || (t.attrGet("class") ?? "").split(/\s+/).includes("no_toc")) continue;
    const inline = tokens[i + 1];
    if (inline?.type !== "inline") return undefined;
    let text = "";
    for (const c of inline.children ?? []) {
      if (!PLAIN_INLINE.has(c.type)) return undefined;
      if (c.type === "text" || c.type === "code_inline") text += c.content;
      else if (c.type === "softbreak" || c.type === "hardbreak") text += "\n";
    }
    text = text.replace(/\s+/g, " ").trim();
    if (text) flat.push({ level: t.tag === "h2" ? 2 : 3, id, text });
  }
  return nest(flat);
}

/**
 * The TOC of each page's content, kept from when its Markdown was rendered, so the layout need not
 * parse the HTML again (1.8 s of a 4,000-page build). Kept by page URL with the HTML it was read
 * from: content that changed after rendering, or that no Markdown produced, is parsed as before.
 * (Keyed by the HTML itself, every page's 16 KB string was hashed twice: 0.24 s at 4,000 pages.)
 */
export class TocIndex {
  readonly #byPage = new Map<string, { html: string; toc: TocEntry[] }>();

  record(page: string, html: string, tokens: readonly Token[]): void {
    const toc = tocFromTokens(tokens);
    if (toc) this.#byPage.set(page, { html, toc });
    else this.#byPage.delete(page);
  }

  of(page: string | undefined, html: string): TocEntry[] {
    const kept = page === undefined ? undefined : this.#byPage.get(page);
    return kept && kept.html === html ? kept.toc : tableOfContents(html);
  }

  /** Forget the last build's pages. */
  clear(): void {
    this.#byPage.clear();
  }
}
