// A Jekyll project's `_config.yml`: read through our safe YAML parser, checked, with file:line errors.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { isInside } from "../content/permalink.ts";
import { locateKey } from "../frontmatter/locate.ts";
import { parseYaml } from "../frontmatter/yaml.ts";

export const CONFIG_FILE = "_config.yml";

export interface CollectionConfig {
  name: string;
  /** Jekyll writes the collection's documents only with `output: true`. Default: false. */
  output: boolean;
  /** Permalink pattern for the documents. Default: `/:collection/:path:output_ext`. */
  permalink: string;
}

export interface DefaultsEntry {
  /** Path prefix relative to the source folder; "" matches everything. */
  path: string;
  /** `pages`, `posts` or a collection name; undefined matches every type. */
  type?: string;
  values: Record<string, unknown>;
}

export interface JekyllConfig {
  /** Absolute project root (where `_config.yml` is). */
  root: string;
  /** Absolute source folder (`source:`). Default: the root. */
  source: string;
  /** Exactly as written in `_config.yml` (Jekyll prints it as is); "" when unset. */
  baseurl: string;
  url: string;
  title?: string;
  /** Absolute folder holding the `_<collection>` folders. */
  collectionsDir: string;
  collections: Map<string, CollectionConfig>;
  defaults: DefaultsEntry[];
  exclude: string[];
  include: string[];
  /** Site-wide `permalink:` (a pattern, or `pretty`/`date`/`none`…). */
  permalink?: string;
  /** Keys a writer declared as their layouts' own front matter (`frontMatterKeys:`). */
  frontMatterKeys: string[];
  /** Every key of `_config.yml`, for `site.*` in Liquid. */
  values: Record<string, unknown>;
}

/** Jekyll's own default excludes (jekyll/lib/jekyll/configuration.rb). */
const DEFAULT_EXCLUDE = [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"];

export function isJekyllProject(root: string): boolean {
  return fs.existsSync(path.join(root, CONFIG_FILE));
}

const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map(asString).filter((s): s is string => s !== undefined) : []);
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

export interface ConfigResult {
  config?: JekyllConfig;
  diagnostics: Diagnostic[];
}

/** Reads `<root>/_config.yml`. Returns no config when it cannot be parsed (the errors say why). */
export function loadJekyllConfig(root: string): ConfigResult {
  const file = path.join(root, CONFIG_FILE);
  const shown = displayPath(file);
  const text = fs.readFileSync(file, "utf8");
  const parsed = parseYaml(text, 1);
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({ ...d, file: shown }));
  if (parsed.data === undefined && diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const raw = parsed.data ?? {};
  if (!isRecord(raw)) {
    diagnostics.push({ severity: "error", code: "JEKYLL_CONFIG", message: "_config.yml must be a mapping of keys to values", file: shown, line: 1, hint: "write `key: value` lines, e.g. `title: My docs`" });
    return { diagnostics };
  }
  const lineOf = (keys: (string | number)[]) => 1 + (locateKey(text, keys) ?? 0);
  const problem = (keys: (string | number)[], message: string, hint: string) =>
    diagnostics.push({ severity: "error", code: "JEKYLL_CONFIG", message, file: shown, line: lineOf(keys), hint });

  // `source` and `collections_dir` must stay inside the project (S2): no reading elsewhere.
  const folder = (key: string, base: string): string => {
    const value = asString(raw[key]);
    if (value === undefined) return base;
    const dir = path.resolve(base, value);
    if (!isInside(root, dir)) {
      problem([key], `\`${key}: ${value}\` leads outside the project folder`, `use a folder inside ${displayPath(root)}`);
      return base;
    }
    return dir;
  };
  const source = folder("source", root);
  const collectionsDir = path.resolve(source, asString(raw.collections_dir) ?? ".");
  if (!isInside(source, collectionsDir)) problem(["collections_dir"], "`collections_dir` leads outside the source folder", "use a folder inside the source folder");

  const collections = new Map<string, CollectionConfig>();
  const rawCollections = raw.collections;
  // Jekyll accepts a list of names or a mapping of name → metadata.
  const entries: [string, unknown][] = Array.isArray(rawCollections)
    ? asStrings(rawCollections).map((n) => [n, {}])
    : isRecord(rawCollections)
      ? Object.entries(rawCollections)
      : [];
  if (rawCollections !== undefined && entries.length === 0 && !isRecord(rawCollections)) {
    problem(["collections"], "`collections` must be a list of names or a mapping", "write `collections:` then `  docs:` with `output: true` under it");
  }
  for (const [name, meta] of entries) {
    if (!/^[\w-]+$/.test(name)) {
      problem(["collections", name], `collection name \`${name}\` is not a plain folder name`, "use letters, digits, `-` and `_` only");
      continue;
    }
    const m = isRecord(meta) ? meta : {};
    collections.set(name, { name, output: m.output === true, permalink: asString(m.permalink) ?? "/:collection/:path:output_ext" });
  }
  // Jekyll always has `posts` (written, date-based URLs).
  if (!collections.has("posts")) collections.set("posts", { name: "posts", output: true, permalink: "/:categories/:year/:month/:day/:title:output_ext" });

  const defaults: DefaultsEntry[] = [];
  if (raw.defaults !== undefined && !Array.isArray(raw.defaults)) problem(["defaults"], "`defaults` must be a list", "write `defaults:` then `  - scope: {path: \"\"}` and `values:`");
  (Array.isArray(raw.defaults) ? raw.defaults : []).forEach((entry, i) => {
    if (!isRecord(entry) || !isRecord(entry.values)) {
      problem(["defaults", i], "each `defaults` entry needs `scope:` and `values:` mappings", "see https://jekyllrb.com/docs/configuration/front-matter-defaults/");
      return;
    }
    const scope = isRecord(entry.scope) ? entry.scope : {};
    defaults.push({ path: (asString(scope.path) ?? "").replace(/^\/+|\/+$/g, ""), type: asString(scope.type), values: entry.values });
  });

  return {
    diagnostics,
    config: {
      root,
      source,
      baseurl: asString(raw.baseurl) ?? "",
      url: asString(raw.url) ?? "",
      title: asString(raw.title),
      collectionsDir,
      collections,
      defaults,
      exclude: [...DEFAULT_EXCLUDE, ...asStrings(raw.exclude)],
      include: asStrings(raw.include),
      permalink: asString(raw.permalink),
      frontMatterKeys: asStrings(raw.frontMatterKeys),
      values: raw,
    },
  };
}
