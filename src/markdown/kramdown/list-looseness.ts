// Loose and tight list items decided per item, as kramdown decides them (is the text wrapped in <p>?).
//
// CommonMark makes a whole list loose or tight. kramdown (lib/kramdown/parser/kramdown/list.rb)
// decides per item: the item's first paragraph is bare text unless a blank line follows it inside
// the item. The last item is the exception: it is bare only if some earlier item is bare too (or
// it is the only item), and a blank line that merely ends the list does not count against it.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { closingIndex } from "./token-tree.ts";

interface Item {
  /** Direct child block openers (or single tokens) of the item, in order. */
  children: Token[];
  firstParagraph?: { open: Token; close: Token };
}

function itemChildren(tokens: Token[], open: number, close: number): Item {
  const level = tokens[open]!.level + 1;
  const children: Token[] = [];
  let firstParagraph: Item["firstParagraph"];
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.level !== level || t.nesting === -1) continue;
    children.push(t);
    if (children.length === 1 && t.type === "paragraph_open") {
      firstParagraph = { open: t, close: tokens[closingIndex(tokens, i)]! };
    }
  }
  return { children, firstParagraph };
}

/** The block's last source line is followed by a blank line (a real one, not the final newline). */
function blankAfter(lines: string[], token: Token, closeOf: Map<Token, Token>): boolean {
  const end = (closeOf.get(token)?.map ?? token.map)?.[1] ?? token.map?.[1];
  if (end === undefined || end >= lines.length - 1) return false;
  return lines[end]!.trim() === "";
}

function fixList(tokens: Token[], open: number, lines: string[]): void {
  const close = closingIndex(tokens, open);
  const level = tokens[open]!.level + 1;
  const items: Item[] = [];
  const closeOf = new Map<Token, Token>();
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.level === level && t.type === "list_item_open") {
      const itemClose = closingIndex(tokens, i);
      items.push(itemChildren(tokens, i, itemClose));
      for (let j = i + 1; j < itemClose; j++) {
        if (tokens[j]!.nesting === 1) closeOf.set(tokens[j]!, tokens[closingIndex(tokens, j)]!);
      }
      i = itemClose;
    }
  }

  const bare: boolean[] = [];
  items.forEach((item, n) => {
    // Every paragraph of the item is shown, except (maybe) the first.
    for (const child of item.children) {
      if (child.type === "paragraph_open") {
        child.hidden = false;
        closeOf.get(child)!.hidden = false;
      }
    }
    const para = item.firstParagraph;
    const isLast = n === items.length - 1;
    let isBare = false;
    if (para) {
      const blank = blankAfter(lines, para.open, closeOf);
      // A blank line that only ends the list (the last item holds nothing else) does not count.
      const first = !blank || (isLast && item.children.length === 1);
      const second = !isLast || items.length === 1 || bare.slice(0, n).some((b, k) => b || !items[k]!.firstParagraph);
      isBare = first && second;
    }
    bare.push(isBare);
    if (para && isBare) {
      para.open.hidden = true;
      para.close.hidden = true;
    }
  });
}

function decideLooseness(state: StateCore): void {
  const lines = state.src.split("\n");
  state.tokens.forEach((t, i) => {
    if (t.type === "bullet_list_open" || t.type === "ordered_list_open") fixList(state.tokens, i, lines);
  });
}

export function listLooseness(md: MarkdownIt): void {
  md.core.ruler.after("block", "kramdown_list_looseness", decideLooseness);
}
