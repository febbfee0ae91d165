// The writers' parameter marks `<span class="required-param"></span>` and `<span class="default-param">…</span>`.
//
// Inside a paramlist they become the `<dt>` badges (paramlist.ts). Anywhere else the raw spans
// stay, but get visible words, "Required" and "Default: …", so they read as badges without CSS.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";

export type BadgeKind = "required-param" | "default-param";

export const REQUIRED_TEXT = "Required";
export const DEFAULT_PREFIX = "Default: ";

const BADGE_OPEN = /^<span\s+class\s*=\s*(["']?)(required-param|default-param)\1\s*>$/i;
const SPAN_OPEN = /^<span[\s>]/i;
const SPAN_CLOSE = /^<\/span\s*>$/i;

export interface Badge {
  kind: BadgeKind;
  /** Index of the opening `<span …>` and of its `</span>` in the children array. */
  open: number;
  close: number;
}

/** The badge whose `<span>` opens at `children[i]`, with the index of its matching `</span>`. */
export function badgeAt(children: Token[], i: number): Badge | undefined {
  const open = children[i];
  const m = open?.type === "html_inline" ? BADGE_OPEN.exec(open.content.trim()) : null;
  if (!m) return undefined;
  let depth = 0;
  for (let j = i + 1; j < children.length; j++) {
    const t = children[j]!;
    if (t.type !== "html_inline") continue;
    if (SPAN_OPEN.test(t.content)) depth++;
    else if (SPAN_CLOSE.test(t.content.trim()) && depth-- === 0) {
      return { kind: m[2]!.toLowerCase() as BadgeKind, open: i, close: j };
    }
  }
  return undefined;
}

export function paramBadges(md: MarkdownIt): void {
  md.core.ruler.push("param_badges", (state) => {
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children) labelBadges(state, block.children);
    }
  });
}

function labelBadges(state: StateCore, children: Token[]): void {
  for (let i = 0; i < children.length; i++) {
    const badge = badgeAt(children, i);
    if (!badge) continue;
    const text = new state.Token("text", "", 0);
    if (badge.kind === "required-param") {
      if (badge.close !== badge.open + 1) continue; // the writer wrote their own words
      text.content = REQUIRED_TEXT;
    } else {
      text.content = DEFAULT_PREFIX;
    }
    children.splice(i + 1, 0, text);
  }
}
