// Smart quotes as kramdown prints them where it decides differently from markdown-it's typographer.
//
// markdown-it pairs quotes like CommonMark emphasis and leaves a quote it cannot pair straight.
// kramdown (parser/kramdown/smart_quotes.rb, SQ_RULES) pairs nothing: each quote is decided by the
// character before it and a short look ahead. Two of its rules give a different result, so they are
// applied here, after markdown-it's `smartquotes`, to the quotes the writer typed straight:
// - `(\s?)'(?=\d\ds)`: an apostrophe before a decade is a right quote: `'90s` → `’90s` (markdown-it
//   leaves it straight, or opens it when a later `'` closes it);
// - `(SQ_CLOSE)('|")`: a quote right after any character but whitespace and `\ [ { ( -` closes:
//   `["Ada","Grace"]` → `[“Ada”,”Grace”]`, `x"y"` → `x”y”`; after `{ ( -` a quote opens.
// The character before a quote counts only when it is plain text of the same run: kramdown starts
// afresh after markup it parsed (emphasis, a code span, an escape, a link's `[`), and so do we.
// Code spans and code blocks are separate tokens and are never touched.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";

const RSQUO = "\u2019";
const RDQUO = "\u201d";
const LSQUO = "\u2018";
const LDQUO = "\u201c";
const STRAIGHT = /['"]/;
/** Ruby's `\s` (ASCII only): kramdown treats a no-break space before a quote like a letter. */
const RUBY_SPACE = /[ \t\r\n\f\v]/;
/** Characters after which kramdown's SQ_CLOSE rule cannot apply and its fallback opens the quote. */
const OPENS_AFTER = new Set(["{", "(", "-"]);
/** Characters another kramdown span parser takes first, so the quote is scanned with nothing before it. */
const STARTS_MARKUP = new Set(["*", "_", "`", "[", "\\"]);

/** Text tokens' content before markdown-it's typographer changed it, to know which quotes were straight. */
const typed = new WeakMap<Token, string>();

function textChildren(state: StateCore): Token[][] {
  return state.tokens.filter((t) => t.type === "inline" && t.children).map((t) => t.children!);
}

function remember(state: StateCore): void {
  for (const children of textChildren(state)) {
    for (const t of children) if (t.type === "text" && STRAIGHT.test(t.content)) typed.set(t, t.content);
  }
}

/** kramdown's choice for the straight quote at `i` of `source`, or undefined to keep markdown-it's. */
function kramdownQuote(source: string, i: number, before: string | undefined): string | undefined {
  const quote = source[i]!;
  const single = quote === "'";
  // Nothing before it that kramdown would see: only the decade rule looks at the quote alone.
  if (before === undefined || RUBY_SPACE.test(before) || STARTS_MARKUP.has(before)) {
    return single && /^\d\ds/.test(source.slice(i + 1, i + 4)) ? RSQUO : undefined;
  }
  // A quote right after another: kramdown decides the pair together (`"'` rules); keep markdown-it's.
  if (STRAIGHT.test(before)) return undefined;
  if (OPENS_AFTER.has(before)) return single ? LSQUO : LDQUO;
  return single ? RSQUO : RDQUO;
}

function apply(state: StateCore): void {
  for (const children of textChildren(state)) {
    children.forEach((t, n) => {
      const source = typed.get(t);
      if (source === undefined || source.length !== t.content.length) return;
      const prev = children[n - 1];
      const runBefore = prev?.type === "text" ? (typed.get(prev) ?? prev.content).slice(-1) : undefined;
      // Positions are UTF-16 indices; the quotes and their replacements are single code units.
      const chars = t.content.split("");
      for (let i = 0; i < source.length; i++) {
        if (!STRAIGHT.test(source[i]!)) continue;
        const choice = kramdownQuote(source, i, i > 0 ? source[i - 1] : runBefore);
        if (choice) chars[i] = choice;
      }
      t.content = chars.join("");
    });
  }
}

export function kramdownSmartQuotes(md: MarkdownIt): void {
  md.core.ruler.before("smartquotes", "kramdown_quotes_typed", remember);
  md.core.ruler.after("smartquotes", "kramdown_smart_quotes", apply);
}
