// Jekyll's Liquid filters that liquidjs lacks or spells differently (jekyll/lib/jekyll/filters*.rb).
//
// liquidjs already has where, where_exp, group_by, sort, jsonify, xml_escape, cgi_escape, uri_escape,
// number_of_words, array_to_sentence_string, date_to_string, date_to_xmlschema, strip_html and
// normalize_whitespace. Eleventy replaces liquidjs's `slugify` with its own, so Jekyll's is set here.
import { createMarkdown } from "../markdown/index.ts";
import { jekyllSlugify } from "../jekyll/slugify.ts";

export interface JekyllFilterOptions {
  /** `site.baseurl`: the path prefix without a trailing slash ("" at the root). */
  baseurl: () => string;
  /** `site.url`: the origin, e.g. `https://docs.example.com`. */
  url: () => string;
}

const isAbsolute = (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s);
const leadingSlash = (s: string) => (s === "" || s.startsWith("/") ? s : `/${s}`);
/** Addressable's normalize, for what writers put in paths: spaces and non-ASCII are percent-encoded. */
const normalize = (s: string) => encodeURI(decodeURI(s));

/** Jekyll takes a page or document too (`{{ page | relative_url }}` uses its `url`). */
function asInput(input: unknown): string | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "object" && "url" in input) return String((input as { url: unknown }).url);
  return String(input);
}

export function relativeUrl(input: unknown, baseurl: string): string | undefined {
  const s = asInput(input);
  if (s === undefined) return undefined;
  if (isAbsolute(s)) return s;
  return normalize(leadingSlash(baseurl.replace(/\/$/, "")) + leadingSlash(s));
}

export function absoluteUrl(input: unknown, baseurl: string, url: string): string | undefined {
  const s = asInput(input);
  if (s === undefined) return undefined;
  if (isAbsolute(s)) return s;
  const relative = relativeUrl(s, baseurl)!;
  return url ? normalize(url.replace(/\/$/, "") + relative) : relative;
}

export type FilterMap = Record<string, (...args: any[]) => unknown>;

export function jekyllFilters(options: JekyllFilterOptions): FilterMap {
  let md: ReturnType<typeof createMarkdown> | undefined;
  return {
    // Our Markdown (kramdown rules included), as Jekyll's markdownify uses the site's converter.
    markdownify: (input: unknown) => (input === null || input === undefined ? "" : (md ??= createMarkdown()).render(String(input))),
    relative_url: (input: unknown) => relativeUrl(input, options.baseurl()),
    absolute_url: (input: unknown) => absoluteUrl(input, options.baseurl(), options.url()),
    slugify: (input: unknown, mode?: string) => jekyllSlugify(input, mode ?? "default"),
    // Jekyll's smartify is kramdown's SmartyPants; our Markdown already does quotes the kramdown way.
    smartify: (input: unknown) => (input === null || input === undefined ? "" : (md ??= createMarkdown()).renderInline(String(input))),
  };
}
