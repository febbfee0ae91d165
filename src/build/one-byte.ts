// Page strings kept at one byte a character, which halves what a build holds until it ends.
//
// Why this is ours: V8 stores a string one byte a character only when it was built that way, and a
// page is built from many pieces. One piece stored at two bytes makes the whole page two bytes a
// character, even when its text is all Latin-1. Such pieces come from any file with one character
// above U+00FF (a `›` in a template's comment: every slice of that file is two-byte), and from V8
// itself: during the build (not in a fresh process), `path.posix.join` returned two-byte strings for
// one-byte paths, so Eleventy's `url` filter did, and with it every sidebar. Eleventy holds each
// page's content and its final HTML until the build ends (for `collections` and `eleventy.after`):
// at 4,000 pages about 170 MB of a 500 MB heap (BENCHMARKS.md, session 16). A copy made through
// Latin-1 bytes is one-byte, and flat: the markdown-it output it replaces was a rope of about 1,700
// pieces a page, each one an object for the garbage collector to trace.
//
// A string that holds a character above U+00FF can't be stored in one byte; it is only flattened
// (the test below reads it whole, which makes V8 flatten it in place).
const WIDE = /[^\u0000-\u00ff]/;

/** `text`, stored one byte a character when every character fits, and flat. Equal to `text` always. */
export function oneByte(text: string): string {
  if (WIDE.test(text)) return text;
  return Buffer.from(text, "latin1").toString("latin1");
}

/**
 * The last transform: each page's final HTML, as Eleventy keeps it until the build ends, stored one
 * byte a character where it can be. Add it after every transform that changes a page.
 */
export function oneBytePagesPlugin(eleventyConfig: { addTransform(name: string, fn: (content: unknown) => unknown): void }): void {
  eleventyConfig.addTransform("one-byte", (content) => (typeof content === "string" ? oneByte(content) : content));
}
