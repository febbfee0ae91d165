// `***both***` nested as kramdown nests it: `<strong><em>…</em></strong>` (markdown-it: `<em><strong>`).
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";

const isEmptyText = (t: Token | undefined): boolean => t?.type === "text" && t.content === "";

/** The next index after `i` that is not an empty text token (markdown-it leaves those between delimiters). */
function next(children: Token[], i: number): number {
  let k = i + 1;
  while (isEmptyText(children[k])) k++;
  return k;
}

/** Swap an `em` that wraps exactly one `strong` (same start, same end) into a `strong` wrapping an `em`. */
function swap(children: Token[]): void {
  for (let i = 0; i < children.length; i++) {
    if (children[i]!.type !== "em_open") continue;
    const k = next(children, i);
    if (children[k]?.type !== "strong_open") continue;
    let depth = 0;
    let j = k;
    for (; j < children.length; j++) {
      depth += children[j]!.nesting;
      if (depth === 0) break;
    }
    const m = next(children, j);
    if (children[j]?.type !== "strong_close" || children[m]?.type !== "em_close") continue;
    [children[i], children[k]] = [children[k]!, children[i]!];
    [children[j], children[m]] = [children[m]!, children[j]!];
  }
}

function nestLikeKramdown(state: StateCore): void {
  for (const block of state.tokens) if (block.children) swap(block.children);
}

export function strongEmphasis(md: MarkdownIt): void {
  md.core.ruler.push("kramdown_strong_emphasis", nestLikeKramdown);
}
