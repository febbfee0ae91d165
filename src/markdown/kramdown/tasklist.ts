// Tasklists (`<div class="tasklist">` holding `#####` headings) rendered as numbered procedure steps.
//
// Jekyll prints the div with its headings and text as they are. We make the procedure an ordered
// list, one step per `#####` heading, the heading inside its step together with everything up to
// the next one:
//   <ol class="steps">
//     <li class="step"><h3 id="…" class="no_toc">Open the UI</h3><p>…</p><pre>…</pre></li>
//   </ol>
// Writers always type `#####`, whatever section the procedure sits in, which would skip levels
// (an h5 right after an h2). So a step heading is printed one level below the heading before the
// tasklist (h2 at the top of a page, whose title is the h1; at most h6), leaving out the steps of an
// earlier tasklist: two procedures in one section are siblings. The headings keep their ids (links
// and the writer's `{:toc}`, built before this rule from the `#####` levels as kramdown does, still
// point at them) and get `no_toc`, so the layout's "On this page" lists sections, not steps.
// Content before the first heading stays in front of the list. The html-block rule has already
// parsed the div's inside.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { classList, closingIndex, setClassList, shiftLevel } from "./token-tree.ts";

function isStepHeading(t: Token, level: number): boolean {
  return t.type === "heading_open" && t.tag === "h5" && t.level === level;
}

/** The tag for the steps' headings: one level below the last heading before `index` that is not a step. */
function stepHeadingTag(tokens: Token[], index: number): string {
  let before = 1; // the page title
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type === "steps_close") {
      // Skip an earlier procedure's steps: jump to its opener (same level, nothing between nests it).
      while (i > 0 && !(tokens[i]!.type === "steps_open" && tokens[i]!.level === t.level)) i--;
      continue;
    }
    if (t.type === "heading_open") {
      before = Number(t.tag.slice(1));
      break;
    }
  }
  return `h${Math.min(6, before + 1)}`;
}

/** Give a step's heading (opener and closer) its level, keeping its id, and keep it out of the layout's TOC. */
function setStepHeading(open: Token, close: Token, tag: string): void {
  open.tag = tag;
  close.tag = tag;
  setClassList(open, [...classList(open), "no_toc"]);
}

function reshape(state: StateCore, tokens: Token[], open: number, close: number): Token[] {
  const container = tokens[open]!;
  const inner = tokens.slice(open + 1, close);
  const level = container.level + 1;
  const firstStep = inner.findIndex((t) => isStepHeading(t, level));
  if (firstStep === -1) return tokens.slice(open, close + 1);
  const headingTag = stepHeadingTag(tokens, open);

  const list = new state.Token("steps_open", "ol", 1);
  list.block = true;
  list.map = container.map;
  list.level = container.level;
  list.attrs = container.attrs;
  setClassList(list, ["steps", ...classList(container).filter((c) => c !== "tasklist")]);

  const out: Token[] = shiftLevel(inner.slice(0, firstStep), -1);
  out.push(list);
  let step: Token[] = [];
  const flush = () => {
    if (!step.length) return;
    const li = new state.Token("step_open", "li", 1);
    li.block = true;
    li.level = container.level + 1;
    li.attrs = [["class", "step"]];
    li.map = step[0]!.map;
    const liClose = new state.Token("step_close", "li", -1);
    liClose.block = true;
    liClose.level = container.level + 1;
    out.push(li, ...shiftLevel(step, 1), liClose);
    step = [];
  };
  for (let n = firstStep; n < inner.length; n++) {
    const t = inner[n]!;
    if (isStepHeading(t, level)) {
      flush();
      // A heading holds only its inline token: its closer is the next heading_close.
      const headingClose = inner.find((c, k) => k > n && c.type === "heading_close")!;
      setStepHeading(t, headingClose, headingTag);
    }
    step.push(t);
  }
  flush();
  const listClose = new state.Token("steps_close", "ol", -1);
  listClose.block = true;
  listClose.level = container.level;
  out.push(listClose);
  return out;
}

function tasklists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "html_container_open" || t.tag !== "div" || !classList(t).includes("tasklist")) continue;
    const close = closingIndex(tokens, i);
    if (close === -1) continue;
    const replacement = reshape(state, tokens, i, close);
    tokens.splice(i, close - i + 1, ...replacement);
  }
}

export function tasklist(md: MarkdownIt): void {
  md.core.ruler.push("kramdown_tasklist", tasklists);
}
