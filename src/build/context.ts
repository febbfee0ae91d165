// The build context: options and shared collectors that every pipeline stage receives.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { SourceRegistry } from "../diagnostics/source-lines.ts";
import type { ScanResult } from "../content/scan.ts";
import type { SiteDataFiles } from "../site/load.ts";
import type { JekyllProject } from "../jekyll/project.ts";
import type Eleventy from "@11ty/eleventy";
import type MarkdownIt from "markdown-it";
import type { PageWrites } from "./page-writes.ts";
import type { OpenIndex } from "../search/pagefind.ts";
import type { LinkLines } from "../checks/link-lines.ts";
import type { WarmBuild } from "./warm-build.ts";
import type { PackedFacts } from "../checks/packed-facts.ts";
import type { LastUpdated } from "../layouts/last-updated.ts";

/** The folder that holds this project's `_includes/`, `_data/` and `assets/` (the theme). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildOptions {
  /** Content folder (the writers' pages). Default: `content/`. */
  input: string;
  /** Output folder. Default: `_site/`. */
  output: string;
  /** Warnings fail the build (always on in CI). Default: false. */
  strict: boolean;
  /** URL path prefix for hosting under a subpath, e.g. `/docs/`. Default: from `_data/site.yaml`. */
  pathPrefix?: string;
  /** `build` writes a production site; `serve` is the writers' preview. */
  mode: "build" | "serve";
  /**
   * The Jekyll compatibility layer: `_config.yml` projects, `page.*`, lax and undefined-variable checks
   * in Liquid. Default: true. `false` exists to measure what the layer costs (bench/jekyll-cost.ts).
   */
  compat?: boolean;
  /**
   * Keep the last good output when no input changed since it was built (src/build/build-cache.ts).
   * Default: true for `build`; the preview never uses it.
   */
  cache?: boolean;
}

export interface BuildContext {
  options: BuildOptions;
  /** Absolute folders. `output` is where Eleventy writes: a staging folder in a production build. */
  dirs: { project: string; input: string; output: string; includes: string; data: string };
  diagnostics: Diagnostics;
  sources: SourceRegistry;
  /** The validated `_data` files, once loaded (read once per build, shared by every stage). */
  siteData?: SiteDataFiles;
  /** The content scan, once it has run: validated pages and their parsed front matter. */
  scan?: ScanResult;
  /** Set when the input is a Jekyll project (`_config.yml` at its root): see src/jekyll/. */
  jekyll?: JekyllProject;
  /** The Eleventy instance that wrote this build; the preview renders a saved page through it. */
  eleventy?: Eleventy;
  /** The markdown-it instance the build renders pages with (Eleventy's, with our rules). */
  markdown?: MarkdownIt;
  /** Whether Eleventy renders this build's pages in a fixed order (src/build/render-order.ts). */
  renderOrderFixed?: boolean;
  /** This build's page writes, when they run off Eleventy's thread: whatever reads the output waits for `settled()`. */
  pageWrites?: PageWrites;
  /** Other work still writing into the output folder (the search bundle written early): a failed build waits for it before removing the folder. */
  outputWork: Promise<unknown>[];
  /** The preview's build leaves its search index open here (Pagefind still running); the dev server owns it. */
  searchIndex?: OpenIndex;
  /** The source line of each page's links, as the checks recorded them (kept in the build cache). */
  linkLines?: LinkLines;
  /** Each page's ids and links as the link check read them, packed for the build cache. */
  linkFacts?: PackedFacts;
  /** The "last updated" dates, read from git once per build (the build cache reads them too). */
  dates?: LastUpdated;
  /** Set for a warm build: only these pages are rendered (src/build/warm-build.ts). */
  warm?: WarmBuild;
}

export const DEFAULT_OPTIONS: BuildOptions = {
  input: path.join(PROJECT_ROOT, "content"),
  output: path.join(PROJECT_ROOT, "_site"),
  strict: false,
  mode: "build",
};

/**
 * Where a content folder's site data (`site.yaml`, `contributors.yaml`, `tags.yaml`,
 * `navigation.yaml`) lives: its own `_data/`, else a `_data/` beside it (this repository's layout:
 * `content/` next to `_data/`), else the theme's neutral defaults. A folder built with `--input`
 * must never get another site's navigation, tags or contributors.
 */
export function dataDirFor(input: string): string {
  for (const dir of [path.join(input, "_data"), path.join(path.dirname(input), "_data")]) {
    if (fs.existsSync(path.join(dir, "site.yaml"))) return dir;
  }
  return NEUTRAL_DATA_DIR;
}

/** The theme's defaults for a content folder that brings no site data of its own. */
export const NEUTRAL_DATA_DIR = path.join(PROJECT_ROOT, "src/jekyll/theme-data");

export function createBuildContext(options: Partial<BuildOptions> = {}, writeTo?: string): BuildContext {
  const opts: BuildOptions = { ...DEFAULT_OPTIONS, ...options };
  const input = path.resolve(opts.input);
  return {
    options: opts,
    dirs: {
      project: PROJECT_ROOT,
      input,
      output: path.resolve(writeTo ?? opts.output),
      includes: path.join(PROJECT_ROOT, "_includes"),
      data: dataDirFor(input),
    },
    diagnostics: new Diagnostics(),
    sources: new SourceRegistry(process.cwd()),
    outputWork: [],
  };
}

// Eleventy loads `.eleventy.ts` itself and gives it only its own config object, so the build
// hands its context over here before it constructs Eleventy.
let current: BuildContext | undefined;

export function setBuildContext(ctx: BuildContext): void {
  current = ctx;
}

export function currentBuildContext(): BuildContext {
  current ??= createBuildContext();
  return current;
}
