// kramdown's GFM id rule (kramdown-parser-gfm, generate_gfm_header_id), shared by headings and paramlists.

// Ruby's \p{Word} is Alphabetic | Mark | Decimal_Number | Connector_Punctuation; `-`, space and
// tab are kept too. So `é`, `日本` and `_` stay, while `!`, `?`, `.`, `’` and `²` go.
const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** Lower-case, drop non-word characters, each space or tab becomes `-`. May return "". */
export function kramdownSlug(text: string): string {
  return text.toLowerCase().replace(NON_WORD, "").replace(/[ \t]/g, "-");
}

/**
 * Numbers repeats the way kramdown does (`setup`, `setup-1`, `setup-2`: a counter per base slug),
 * but also skips ids already taken on the page, where kramdown would emit a duplicate id.
 */
export class SlugCounter {
  readonly #counts = new Map<string, number>();

  constructor(readonly taken: Set<string> = new Set()) {}

  next(base: string): string {
    let n = this.#counts.get(base) ?? -1;
    let slug: string;
    do {
      n++;
      slug = n > 0 ? `${base}-${n}` : base;
    } while (slug !== "" && this.taken.has(slug));
    this.#counts.set(base, n);
    if (slug !== "") this.taken.add(slug);
    return slug;
  }
}
