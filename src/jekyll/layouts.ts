// Maps a Jekyll project's layout names to our layouts: its own `_layouts/` are Jekyll Liquid and never used.
//
// | Jekyll layout (`layout:`)                              | ours      | why                                   |
// |--------------------------------------------------------|-----------|---------------------------------------|
// | `article`, `post`, `page`, `doc`, `docs`, `single`,    | `article` | a page of reading: TOC, pager, footer |
// | `documentation`, `guide`, `tutorial`, `default`*       |           |                                       |
// | `home`, `index`, `landing`, `splash`                   | `home`    | a site's front page                   |
// | `none`, `null`, `blank`, `compress`                    | `default` | the chrome without the article parts  |
//
// *`default` is Jekyll's base layout that every other one chains to; pages that name it directly are
// ordinary content pages, so they get `article`. Our own `default` stays reachable as `default.njk`.
// Any other name renders with `article` and a JEKYLL_LAYOUT_MAPPED warning at the `layout:` line.

export const LAYOUT_MAP: Readonly<Record<string, string>> = {
  article: "article",
  post: "article",
  page: "article",
  doc: "article",
  docs: "article",
  single: "article",
  documentation: "article",
  guide: "article",
  tutorial: "article",
  default: "article",
  home: "home",
  index: "home",
  landing: "home",
  splash: "home",
  none: "default",
  null: "default",
  blank: "default",
  compress: "default",
};

/** The layout used when a name is not in the table. */
export const FALLBACK_LAYOUT = "article";

export interface MappedLayout {
  layout: string;
  /** False when the name was not in the table (the caller warns). */
  known: boolean;
}

/**
 * `layouts` are ours (the `.njk` names in the theme's `_includes/`): `default.njk` names our layout
 * file directly and is kept as is.
 */
export function mapLayout(name: string, layouts: readonly string[]): MappedLayout {
  if (name.endsWith(".njk") && layouts.includes(name.slice(0, -4))) return { layout: name.slice(0, -4), known: true };
  const mapped = LAYOUT_MAP[name.replace(/\.html$/, "")];
  if (mapped && layouts.includes(mapped)) return { layout: mapped, known: true };
  return { layout: FALLBACK_LAYOUT, known: false };
}
