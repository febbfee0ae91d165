// Where a paragraph ends: kramdown's rule, which lets far fewer blocks interrupt a paragraph.
//
// With the reference settings (gfm_quirks without `paragraph_end`) a kramdown paragraph runs until
// a blank line, an attribute line `{:…}`, a block HTML tag or a `:` definition line
// (lib/kramdown/parser/kramdown/paragraph.rb, PARAGRAPH_END). So "Text\n## Title", "Text\n```",
// "Text\n> quote", "Text\n***" and "Text\n- item" are each one paragraph in Jekyll, where
// CommonMark starts a new block. We drop `paragraph` from those rules' terminator lists. A list
// marker still ends a paragraph inside a list item, because kramdown cuts a list into its items
// before it parses their text (list.rb); markdown-it is inside an item when blkIndent > 0.
import type MarkdownIt from "markdown-it";
import type { StateBlock } from "markdown-it";
import blockquote from "markdown-it/lib/rules_block/blockquote.mjs";
import fence from "markdown-it/lib/rules_block/fence.mjs";
import heading from "markdown-it/lib/rules_block/heading.mjs";
import hr from "markdown-it/lib/rules_block/hr.mjs";
import list from "markdown-it/lib/rules_block/list.mjs";

function listInsideItemsOnly(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // As a terminator markdown-it calls rules in silent mode with parentType "paragraph".
  if (silent && state.parentType === "paragraph" && state.blkIndent === 0) return false;
  return list(state, startLine, endLine, silent);
}

export function paragraphEnd(md: MarkdownIt): void {
  md.block.ruler.at("fence", fence, { alt: ["reference", "blockquote", "list"] });
  md.block.ruler.at("blockquote", blockquote, { alt: ["reference", "blockquote", "list"] });
  md.block.ruler.at("hr", hr, { alt: ["reference", "blockquote", "list"] });
  md.block.ruler.at("heading", heading, { alt: ["reference", "blockquote"] });
  md.block.ruler.at("list", listInsideItemsOnly, { alt: ["paragraph", "reference", "blockquote"] });
}
