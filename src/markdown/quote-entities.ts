// Curly quotes in text written as named entities (`&rsquo;`), not as characters.
//
// The typographer turns the writers' straight quotes into ‘ ’ “ ”, which lie above U+00FF: one
// apostrophe makes V8 store the whole page, twice held until the build ends, at two bytes a
// character (src/build/one-byte.ts). As entities the page stays Latin-1 and is stored at one. A
// reader sees the same text: browsers, Pagefind and our HTML parser decode them. kramdown prints the
// same four entities when its `entity_output` is `symbolic`.
import type MarkdownIt from "markdown-it";

const ENTITIES: Record<string, string> = { "\u2018": "&lsquo;", "\u2019": "&rsquo;", "\u201c": "&ldquo;", "\u201d": "&rdquo;" };
const QUOTE = /[\u2018\u2019\u201c\u201d]/;
const QUOTES = /[\u2018\u2019\u201c\u201d]/g;

export function quoteEntities(md: MarkdownIt): void {
  const text = md.renderer.rules.text!;
  md.renderer.rules.text = (tokens, idx, options, env, self) => {
    const html = text(tokens, idx, options, env, self);
    return QUOTE.test(html) ? html.replace(QUOTES, (c) => ENTITIES[c]!) : html;
  };
}
