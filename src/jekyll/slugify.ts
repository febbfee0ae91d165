// Jekyll's `slugify` (Jekyll::Utils.slugify): the modes `none`, `raw`, `default`, `pretty`, `ascii`, `latin`.

export type SlugMode = "none" | "raw" | "default" | "pretty" | "ascii" | "latin";

const PATTERNS: Readonly<Record<Exclude<SlugMode, "none" | "latin">, RegExp>> = {
  raw: /\s+/gu,
  // Anything that is not a letter, a combining mark or a decimal digit.
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^a-zA-Z0-9]+/g,
};

export function jekyllSlugify(input: unknown, mode: SlugMode | string = "default", cased = false): string {
  if (input === null || input === undefined) return "";
  const text = String(input);
  const m = (["none", "raw", "default", "pretty", "ascii", "latin"].includes(mode) ? mode : "default") as SlugMode;
  if (m === "none") return cased ? text : text.toLowerCase();
  const source = m === "latin" ? text.normalize("NFD").replace(/\p{M}+/gu, "") : text;
  const re = PATTERNS[m === "latin" ? "ascii" : m];
  const slug = source.replace(re, "-").replace(/^-+|-+$/g, "");
  return cased ? slug : slug.toLowerCase();
}
