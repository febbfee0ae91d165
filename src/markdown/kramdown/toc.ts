// Table of contents: `* TOC` followed by `{:toc}` becomes kramdown's nested list of the page's headings.
//
// kramdown (converter/html.rb, generate_toc_tree) replaces the first `{:toc}` list with
// `<ul id="markdown-toc">`, one `<li><a href="#ID" id="markdown-toc-ID">text</a></li>` per heading
// that has an id and no `no_toc` class, nested by heading level with a stack (a deeper heading goes
// under the last shallower one, whatever the gap). The entry text is the heading's inline content
// with links unwrapped and footnote marks removed. A page with no such heading gets no list at all.
// The attribute-line rule marks the list with TOC_MARKER; heading ids are set before this runs.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { closingIndex, hasClass, removeAttr } from "./token-tree.ts";

export const TOC_MARKER = "data-kramdown-toc";

interface Entry {
  level: number;
  id: string;
  children: Token[];
}

function entries(tokens: Token[]): Entry[] {
  const out: Entry[] = [];
  tokens.forEach((t, i) => {
    const id = t.attrGet("id");
    if (t.type !== "heading_open" || !id || hasClass(t, "no_toc")) return;
    const inline = tokens[i + 1];
    const children = (inline?.children ?? []).filter(
      (c) => c.type !== "link_open" && c.type !== "link_close" && c.type !== "footnote_ref",
    );
    out.push({ level: Number(t.tag.slice(1)), id, children });
  });
  return out;
}

function buildList(state: StateCore, list: Token, found: Entry[]): Token[] {
  const out: Token[] = [];
  const push = (type: string, tag: string, nesting: 1 | 0 | -1, level: number): Token => {
    const t = new state.Token(type, tag, nesting);
    t.block = type !== "inline";
    t.level = level;
    out.push(t);
    return t;
  };
  const prefix = list.attrGet("id") ?? "markdown-toc";
  const root = push("bullet_list_open", "ul", 1, list.level);
  root.attrs = list.attrs;
  root.map = list.map;
  removeAttr(root, TOC_MARKER);
  root.attrSet("id", prefix);

  // Items stack up by level as in kramdown: a deeper heading nests under the last shallower one.
  const stack: { level: number; nested: boolean }[] = [];
  const itemLevel = () => list.level + 1 + stack.length * 2;
  const closeTop = () => {
    const top = stack.pop()!;
    if (top.nested) push("bullet_list_close", "ul", -1, itemLevel() + 1);
    push("list_item_close", "li", -1, itemLevel());
  };
  for (const entry of found) {
    while (stack.length && stack[stack.length - 1]!.level >= entry.level) closeTop();
    const parent = stack[stack.length - 1];
    if (parent && !parent.nested) {
      push("bullet_list_open", "ul", 1, itemLevel() - 1);
      parent.nested = true;
    }
    push("list_item_open", "li", 1, itemLevel());
    push("paragraph_open", "p", 1, itemLevel() + 1).hidden = true;
    const inline = push("inline", "", 0, itemLevel() + 2);
    const a = new state.Token("link_open", "a", 1);
    a.attrs = [["href", `#${entry.id}`], ["id", `${prefix}-${entry.id}`]];
    inline.children = [a, ...entry.children, new state.Token("link_close", "a", -1)];
    push("paragraph_close", "p", -1, itemLevel() + 1).hidden = true;
    stack.push({ level: entry.level, nested: false });
  }
  while (stack.length) closeTop();
  push("bullet_list_close", "ul", -1, list.level);
  return out;
}

function toc(state: StateCore): void {
  const tokens = state.tokens;
  let done = false;
  for (let i = 0; i < tokens.length; i++) {
    const list = tokens[i]!;
    if (list.attrGet(TOC_MARKER) === null) continue;
    removeAttr(list, TOC_MARKER);
    // Only the first `{:toc}` list becomes the TOC; kramdown prints any later one as a plain list.
    if (done) continue;
    done = true;
    const close = closingIndex(tokens, i);
    const found = entries(tokens);
    const replacement = found.length ? buildList(state, list, found) : [];
    tokens.splice(i, close - i + 1, ...replacement);
    i += replacement.length - 1;
  }
}

export function tableOfContents(md: MarkdownIt): void {
  md.core.ruler.push("kramdown_toc", toc);
}
