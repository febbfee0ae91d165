// A Jekyll page's front matter as Jekyll sees it: `defaults` under the page's own keys, layout names
// mapped to ours, and the value shapes Jekyll accepts turned into the ones our schema takes.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { locateKey } from "../frontmatter/locate.ts";
import type { DefaultsEntry } from "./config.ts";
import type { EntryKind } from "./entries.ts";
import { mapLayout } from "./layouts.ts";

/**
 * Keys Jekyll itself (or its core plugins: seo-tag, feed, sitemap, redirect-from) reads. With the keys
 * a project declares (see `knownKeys` in project.ts) they are not reported as unknown.
 */
export const JEKYLL_KEYS = ["categories", "category", "slug", "date", "published", "excerpt_separator", "author", "render_with_liquid", "lang", "redirect_to", "last_modified_at", "seo", "canonical_url", "collection"];

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => !!v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/** Jekyll's Utils.deep_merge_hashes: mappings merge key by key, anything else is replaced. */
export function deepMerge(base: Record_, over: Record_): Record_ {
  const out: Record_ = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isRecord(v) && isRecord(out[k]) ? deepMerge(out[k] as Record_, v) : v;
  return out;
}

function scopeMatches(entry: DefaultsEntry, rel: string, type: string): boolean {
  if (entry.type !== undefined && entry.type !== type) return false;
  if (entry.path === "") return true;
  if (/[*?]/.test(entry.path)) {
    const re = new RegExp(`^${entry.path.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}(/|$)`);
    return re.test(rel);
  }
  return rel === entry.path || rel.startsWith(`${entry.path}/`);
}

/** The `defaults` values for a file, merged in Jekyll's precedence: longer paths, then typed scopes, win. */
export function defaultsFor(defaults: readonly DefaultsEntry[], rel: string, kind: EntryKind): Record_ {
  const type = kind.kind === "document" ? kind.collection : "pages";
  return defaults
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => scopeMatches(entry, rel, type))
    .sort((a, b) => a.entry.path.length - b.entry.path.length || Number(a.entry.type !== undefined) - Number(b.entry.type !== undefined) || a.order - b.order)
    .reduce<Record_>((acc, { entry }) => deepMerge(acc, entry.values), {});
}

/** Jekyll::Utils.titleize_slug: `getting-started` → `Getting Started`. */
export function titleizeSlug(slug: string): string {
  return slug
    .split("-")
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(" ");
}

export interface PreparedFrontMatter {
  data: Record_;
  diagnostics: Omit<Diagnostic, "file">[];
}

export function prepareFrontMatter(
  own: Record_,
  ctx: { rel: string; kind: EntryKind; defaults: readonly DefaultsEntry[]; layouts: readonly string[]; yaml: string; yamlStartLine: number },
): PreparedFrontMatter {
  const diagnostics: Omit<Diagnostic, "file">[] = [];
  const data = deepMerge(defaultsFor(ctx.defaults, ctx.rel, ctx.kind), own);
  const lineOf = (key: string) => {
    const idx = locateKey(ctx.yaml, [key]);
    return idx === undefined ? Math.max(1, ctx.yamlStartLine - 1) : ctx.yamlStartLine + idx;
  };

  // `layout: null` (or none) in Jekyll means "no layout": ours closest to that is `default`.
  if (data.layout === null || data.layout === false) data.layout = "none";
  if (typeof data.layout === "string") {
    const { layout, known } = mapLayout(data.layout, ctx.layouts);
    if (!known) {
      const fromDefaults = !Object.hasOwn(own, "layout");
      diagnostics.push({
        severity: "warning",
        code: "JEKYLL_LAYOUT_MAPPED",
        message: `layout \`${data.layout}\`${fromDefaults ? " (from _config.yml defaults)" : ""} is a Jekyll layout we don't have; the page is rendered with \`${layout}\``,
        line: lineOf("layout"),
        hint: `the project's _layouts/ are not used; name one of ours (${ctx.layouts.join(", ")}) or a common Jekyll name (page, post, doc, home)`,
      });
    }
    data.layout = layout;
  }
  // Jekyll titles documents from their slug; pages may have none, but every page of ours needs one.
  if (data.title === undefined || data.title === null || data.title === "") {
    const base = ctx.rel.split("/").pop()!.replace(/\.[^.]+$/, "").replace(/^\d{4}-\d{2}-\d{2}-/, "");
    data.title = titleizeSlug(base === "index" ? (ctx.rel.split("/").slice(-2, -1)[0] ?? "Home") : base) || "Home";
  } else if (typeof data.title !== "string") {
    data.title = String(data.title);
  }
  // Jekyll takes `tags: a b` as two tags, and seo-tag's `image: {path: …}`.
  if (typeof data.tags === "string") data.tags = data.tags.split(/\s+/).filter(Boolean);
  if (isRecord(data.image) && typeof data.image.path === "string") data.image = data.image.path;
  return { data, diagnostics };
}
