// Holds the validated site data for one build and keeps Eleventy from loading those files raw.
import path from "node:path";
import { parseYaml } from "../frontmatter/yaml.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { loadSiteData, type SiteDataFiles } from "./load.ts";

/**
 * The files src/site validates. Eleventy must not load them as plain global data: `tags` and
 * `contributors` are also front matter keys (Eleventy even builds collections from `tags`, and
 * crashes on a mapping), so a page would see the site's whole list as its own.
 */
export const SITE_DATA_FILES = ["site", "contributors", "tags", "navigation"] as const;

export class SiteDataStore {
  #data: SiteDataFiles | undefined;

  constructor(
    private readonly dataDir: () => string,
    private readonly diagnostics: Diagnostics,
    /** Data the build already loaded and validated, if any. */
    private readonly preloaded: () => SiteDataFiles | undefined = () => undefined,
  ) {}

  /** The validated data, read once per build. */
  get(): SiteDataFiles {
    this.#data ??= this.preloaded() ?? loadSiteData(this.dataDir(), this.diagnostics);
    return this.#data;
  }

  /** Forget the cached data so the next build (in watch mode) reads the files again. */
  reset(): void {
    this.#data = undefined;
  }

  /** True for `_data/<one of SITE_DATA_FILES>.yaml|yml`, which this store loads instead of Eleventy. */
  owns(filePath: string): boolean {
    const abs = path.resolve(filePath);
    const { dir, name } = path.parse(abs);
    return dir === path.resolve(this.dataDir()) && (SITE_DATA_FILES as readonly string[]).includes(name);
  }

  /** Parser for Eleventy's YAML data extension: the safe schema, and nothing for the files we own. */
  parseDataFile(contents: string, filePath: string): unknown {
    if (this.owns(filePath)) return undefined;
    const parsed = parseYaml(contents, 1, "DATA");
    for (const d of parsed.diagnostics) this.diagnostics.report({ ...d, file: displayPath(filePath) });
    return parsed.data;
  }
}
