// Jekyll's URLs: permalink patterns with `:placeholders`, for pages and collection documents.
//
// Follows jekyll/lib/jekyll/{page,document,url}.rb (Jekyll 4): pages default to `/:path/:basename:output_ext`
// (`/:path/` for index pages, `/:path/:basename/` under `permalink: pretty`), documents to their
// collection's `permalink`, else `/:collection/:path:output_ext`.
import path from "node:path";
import { jekyllSlugify } from "./slugify.ts";

/** Jekyll's named permalink styles, as patterns for documents. */
const STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export function expandStyle(pattern: string): string {
  return STYLES[pattern] ?? pattern;
}

/** Jekyll writes Markdown and HTML both as `.html`. */
const OUTPUT_EXT = ".html";

export type Placeholders = Record<string, string>;

/** Replaces `:name` placeholders (longest name first, as Jekyll's URL does) and cleans the result. */
export function fillPattern(pattern: string, values: Placeholders): string {
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  let url = expandStyle(pattern);
  for (const name of names) url = url.split(`:${name}`).join(values[name] ?? "");
  // Jekyll's URL#sanitize_url: no `..` segments, no double slashes, a leading slash.
  url = url.replace(/\/\.\.\//g, "/").replace(/\/{2,}/g, "/");
  return url.startsWith("/") ? url : `/${url}`;
}

function dateParts(date: Date | undefined): Placeholders {
  if (!date || Number.isNaN(date.getTime())) return {};
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year: String(date.getUTCFullYear()),
    month: pad(date.getUTCMonth() + 1),
    i_month: String(date.getUTCMonth() + 1),
    day: pad(date.getUTCDate()),
    i_day: String(date.getUTCDate()),
    short_year: pad(date.getUTCFullYear() % 100),
  };
}

function categoriesOf(data: Record<string, unknown>): string {
  const raw = data.categories ?? data.category;
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/\s+/) : [];
  return list.filter(Boolean).map((c) => c.toLowerCase()).join("/");
}

/** `/dir/page` for `dir/page.md`: the source path without its extension, from the site root. */
function stem(rel: string): { dir: string; basename: string } {
  const parsed = path.posix.parse(rel.split(path.sep).join("/"));
  return { dir: parsed.dir ? `/${parsed.dir}` : "", basename: parsed.name };
}

/** A page's URL. `rel` is relative to the source folder. */
export function pageUrl(rel: string, data: Record<string, unknown>, siteStyle: string | undefined): string {
  const { dir, basename } = stem(rel);
  const values: Placeholders = { path: dir, basename, output_ext: OUTPUT_EXT, title: jekyllSlugify(basename, "pretty", true), name: basename, slug: jekyllSlugify(basename), categories: categoriesOf(data) };
  const own = typeof data.permalink === "string" ? data.permalink : undefined;
  if (own) return fillPattern(own, values);
  if (basename === "index") return fillPattern("/:path/", values);
  const pretty = siteStyle === "pretty" || (siteStyle ?? "").endsWith("/");
  return fillPattern(pretty ? "/:path/:basename/" : "/:path/:basename:output_ext", values);
}

/** A collection document's URL. `relInCollection` is relative to the collection's `_name` folder. */
export function documentUrl(collection: string, relInCollection: string, data: Record<string, unknown>, pattern: string): string {
  const { dir, basename } = stem(relInCollection);
  // Posts carry their date in the file name: `2024-05-01-title.md`.
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(basename);
  const name = dated ? dated[4]! : basename;
  const date = data.date instanceof Date ? data.date : typeof data.date === "string" ? new Date(data.date) : dated ? new Date(`${dated[1]}-${dated[2]}-${dated[3]}T00:00:00Z`) : undefined;
  const slugSource = typeof data.slug === "string" ? data.slug : name;
  const values: Placeholders = {
    collection,
    path: `${dir}/${basename}`,
    output_ext: OUTPUT_EXT,
    name: jekyllSlugify(name),
    slug: jekyllSlugify(slugSource),
    title: jekyllSlugify(slugSource, "pretty", true),
    categories: categoriesOf(data),
    ...dateParts(date),
  };
  const own = typeof data.permalink === "string" ? data.permalink : undefined;
  return fillPattern(own ?? pattern, values);
}
