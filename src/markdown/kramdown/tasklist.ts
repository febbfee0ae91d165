// Tasklists (`<div class="tasklist">` holding `#####` headings) rendered as numbered procedure steps.
//
// Jekyll prints the div with its headings and text as they are. We make the procedure an ordered
// list, one step per `#####` heading, the heading inside its step together with everything up to
// the next one:
//   <ol class="steps">
//     <li class="step"><h5 id="…">Open the UI</h5><p>…</p><pre>…</pre></li>
//   </ol>
// The headings keep their ids (links and the TOC still point at them). Content before the first
// heading stays in front of the list. The html-block rule has already parsed the div's inside.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { classList, closingIndex, setClassList, shiftLevel } from "./token-tree.ts";

function isStepHeading(t: Token, level: number): boolean {
  return t.type === "heading_open" && t.tag === "h5" && t.level === level;
}

function reshape(state: StateCore, tokens: Token[], open: number, close: number): Token[] {
  const container = tokens[open]!;
  const inner = tokens.slice(open + 1, close);
  const level = container.level + 1;
  const firstStep = inner.findIndex((t) => isStepHeading(t, level));
  if (firstStep === -1) return tokens.slice(open, close + 1);

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
  for (const t of inner.slice(firstStep)) {
    if (isStepHeading(t, level)) flush();
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
