// Kramdown span attribute lists: `*word*{:.x}` sets attributes on the element right before it.
// Any `{:…}` still left in text afterwards was consumed by nothing: that is a writer's error.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { applyAttributeList, parseAttributeList } from "./attribute-list.ts";

const SPAN_IAL = /^\{:(?![:/])((?:\\\}|[^}])+)\}/;
const LEFTOVER = /\{:(?![:/])(?:\\\}|[^}\n])+\}/;

export interface SpanAttributesOptions {
  report: MarkdownReport;
}

export function spanAttributes(md: MarkdownIt, { report }: SpanAttributesOptions): void {
  // Right after `inline`, before smart quotes turn `key="v"` into curly quotes.
  md.core.ruler.after("inline", "kramdown_span_attributes", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      applySpanAttributes(block.children);
      reportLeftovers(state, report, block);
    }
  });
}

function applySpanAttributes(children: Token[]): void {
  for (let i = 1; i < children.length; i++) {
    const text = children[i]!;
    if (text.type !== "text") continue;
    const m = SPAN_IAL.exec(text.content);
    const target = m ? elementBefore(children, i) : undefined;
    if (!m || !target) continue;
    const parsed = parseAttributeList(m[1]!);
    if (!parsed.ok) continue; // left in the text, so reportLeftovers names it
    applyAttributeList(target, parsed.list);
    text.content = text.content.slice(m[0].length);
  }
}

/** The token that carries the attributes of the element ending just before `children[i]`. */
function elementBefore(children: Token[], i: number): Token | undefined {
  const prev = children[i - 1]!;
  if (prev.type === "code_inline" || prev.type === "image") return prev;
  if (prev.nesting !== -1) return undefined;
  for (let j = i - 2; j >= 0; j--) {
    const t = children[j]!;
    if (t.level === prev.level && t.nesting === 1) return t;
  }
  return undefined;
}

function reportLeftovers(state: StateCore, report: MarkdownReport, block: Token): void {
  let lineOffset = 0;
  for (const child of block.children ?? []) {
    if (child.type === "softbreak" || child.type === "hardbreak") lineOffset++;
    if (child.type !== "text") continue;
    const m = LEFTOVER.exec(child.content);
    if (!m) continue;
    report(state.env, block.map ? block.map[0] + lineOffset : undefined, {
      severity: "error",
      code: "MD_UNCONSUMED_ATTRIBUTES",
      message: `The attribute list \`${m[0]}\` is attached to nothing and would show as text.`,
      hint: "Put a block attribute line on its own line directly under its block, and a span one right after `*text*`, `**text**`, a link or code; or delete it.",
    });
  }
}
