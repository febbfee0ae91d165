// Definition lists (`Term` then `: definition`), with kramdown's terms: every line above the first `:`.
//
// markdown-it-deflist parses them; two things follow kramdown here instead:
// - the terms: markdown-it-deflist takes only the last line before `:` as the term; kramdown makes
//   each line of that paragraph a `<dt>` ("Term 1\nTerm 2\n: def" has two terms);
// - the `<p>`: kramdown wraps a definition's first paragraph only when a blank line comes right
//   before its `:` line (lib/kramdown/parser/kramdown/list.rb, first_as_para); later ones always.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import deflistPlugin from "markdown-it-deflist";
import { closingIndex } from "./token-tree.ts";

function paragraphs(state: StateCore): void {
  const tokens = state.tokens;
  const lines = state.src.split("\n");
  tokens.forEach((dd, i) => {
    if (dd.type !== "dd_open") return;
    // markdown-it-deflist maps a definition from its term's line; its first block starts at the `:`.
    const colonLine = tokens[i + 1]?.map?.[0];
    if (colonLine === undefined) return;
    const blankBefore = colonLine > 0 && lines[colonLine - 1]!.trim() === "";
    const close = closingIndex(tokens, i);
    let first = true;
    for (let j = i + 1; j < close; j++) {
      const t = tokens[j]!;
      if (t.level !== dd.level + 1 || t.nesting === -1) continue;
      if (t.type === "paragraph_open") {
        const hidden = first && !blankBefore;
        t.hidden = hidden;
        tokens[closingIndex(tokens, j)]!.hidden = hidden;
      }
      first = false;
    }
  });
}

function splitTerms(state: StateCore): void {
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A paragraph directly before a <dl>, with no blank line between, holds more terms.
    const dl = tokens[i + 3];
    if (t.type === "paragraph_open" && dl?.type === "dl_open" && t.map && dl.map && t.map[1] === dl.map[0]) {
      const lines = tokens[i + 1]!.content.split("\n");
      const dlTokens: Token[] = [];
      for (const line of lines) {
        const open = new state.Token("dt_open", "dt", 1);
        const inline = new state.Token("inline", "", 0);
        inline.content = line.trim();
        inline.children = [];
        const close = new state.Token("dt_close", "dt", -1);
        dlTokens.push(open, inline, close);
      }
      out.push(dl);
      out.push(...dlTokens);
      dl.map = [t.map[0], dl.map[1]];
      i += 3;
      continue;
    }
    out.push(t);
  }
  state.tokens = out;
}

export function definitionList(md: MarkdownIt): void {
  md.use(deflistPlugin);
  md.core.ruler.after("block", "kramdown_definition_terms", splitTerms);
  md.core.ruler.after("kramdown_definition_terms", "kramdown_definition_paragraphs", paragraphs);
}
