// Footnotes (`text[^1]`, `[^1]: note`) rendered with kramdown's ids, classes and ARIA roles.
//
// kramdown writes `<sup id="fnref:LABEL" role="doc-noteref"><a href="#fn:LABEL" class="footnote"
// rel="footnote">N</a></sup>`, a second reference to the same note as `fnref:LABEL:1`, and the notes
// as `<div class="footnotes" role="doc-endnotes"><ol><li id="fn:LABEL" role="doc-endnote">` with
// `↩` backlinks (`↩<sup>2</sup>` for the second reference). LABEL is the writer's label (`1`,
// `note`), so links to `#fn:1` keep working. markdown-it-footnote parses; we only change the markup.
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";

interface FootnoteMeta {
  id: number;
  subId?: number;
  label?: string;
}

function meta(token: Token): FootnoteMeta {
  return token.meta as FootnoteMeta;
}

/** The writer's label; inline footnotes (`^[…]`, not kramdown syntax) have none, so use the number. */
function labelOf(md: MarkdownIt, token: Token): string {
  const m = meta(token);
  return md.utils.escapeHtml(m.label ?? String(m.id + 1));
}

export function footnote(md: MarkdownIt): void {
  md.use(footnotePlugin);
  const rules = md.renderer.rules;
  const label = (token: Token): string => labelOf(md, token);

  rules.footnote_ref = (tokens, idx) => {
    const m = meta(tokens[idx]!);
    const name = label(tokens[idx]!);
    const refId = m.subId ? `fnref:${name}:${m.subId}` : `fnref:${name}`;
    return `<sup id="${refId}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${m.id + 1}</a></sup>`;
  };
  rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';
  rules.footnote_block_close = () => "</ol>\n</div>\n";
  rules.footnote_open = (tokens, idx) => `<li id="fn:${label(tokens[idx]!)}" role="doc-endnote">`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, idx) => {
    const m = meta(tokens[idx]!);
    const name = label(tokens[idx]!);
    const href = m.subId ? `#fnref:${name}:${m.subId}` : `#fnref:${name}`;
    const text = m.subId ? `&#8617;<sup>${m.subId + 1}</sup>` : "&#8617;";
    return ` <a href="${href}" class="reversefootnote" role="doc-backlink">${text}</a>`;
  };
}
