// Strikethrough (`~~text~~`) written as kramdown-parser-gfm writes it: `<del>`, not markdown-it's `<s>`.
import type MarkdownIt from "markdown-it";
import type { StateCore } from "markdown-it";

function useDel(state: StateCore): void {
  for (const block of state.tokens) {
    for (const t of block.children ?? []) {
      if (t.type === "s_open" || t.type === "s_close") t.tag = "del";
    }
  }
}

export function strikethrough(md: MarkdownIt): void {
  md.core.ruler.push("kramdown_strikethrough", useDel);
}
