// A Jekyll project as our input: detection, its scan profile, and its front matter vocabulary.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ScanProfile } from "../content/scan.ts";
import type { SiteVocabulary } from "../frontmatter/validate.ts";
import { isJekyllProject, loadJekyllConfig, type JekyllConfig } from "./config.ts";
import { JekyllEntries } from "./entries.ts";
import { JEKYLL_KEYS, prepareFrontMatter } from "./frontmatter.ts";
import { documentUrl, pageUrl } from "./permalink.ts";
import { buildJekyllSite, type JekyllSite } from "./site-data.ts";
import type { ScanResult } from "../content/scan.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";

/**
 * Our theme's site data for a Jekyll project, in place of the guide's `_data/`: neutral settings and a
 * sidebar listing every page. The project's own `_data/` is its `site.data` (see site-data.ts).
 */
export const THEME_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "theme-data");

/** Jekyll tags are free-form (no tags file): every tag is known. */
class AnyTag extends Set<string> {
  override has(): boolean {
    return true;
  }
}

export class JekyllProject {
  readonly entries: JekyllEntries;
  /** `site.baseurl` as Liquid prints it: `_config.yml`'s value, or `--path-prefix` without its trailing `/`. */
  baseurl: string;

  #site: JekyllSite | undefined;

  /** `site.*` and each page's `page.*`, built once per build from the scan. */
  site(scan: ScanResult, diagnostics: Diagnostics): JekyllSite {
    this.#site ??= buildJekyllSite(this, scan, diagnostics);
    return this.#site;
  }

  constructor(readonly config: JekyllConfig) {
    this.entries = new JekyllEntries(config);
    this.baseurl = config.baseurl;
  }

  /**
   * Front matter keys a migrating writer's pages may use without a warning: ours, Jekyll's, every key
   * the project sets in `defaults` (its layouts read those), and `frontMatterKeys:` in _config.yml.
   * Any other key still warns, because a typo (`titel:`) is far more common in a page than a key no
   * layout is told about, and a warning costs one line in _config.yml to silence, never a failed build.
   */
  vocabulary(base: SiteVocabulary): SiteVocabulary {
    const keys = new Set([...(base.extraKeys ?? []), ...JEKYLL_KEYS, ...this.config.frontMatterKeys]);
    for (const d of this.config.defaults) for (const k of Object.keys(d.values)) keys.add(k);
    return { ...base, extraKeys: keys, tags: new AnyTag() };
  }

  profile(layouts: readonly string[]): ScanProfile {
    const { config, entries } = this;
    return {
      accepts: (rel) => entries.accepts(rel),
      staticWithoutFrontMatter: true,
      prepare: (rel, data, yaml, yamlStartLine) => prepareFrontMatter(data, { rel, kind: entries.kindOf(rel), defaults: config.defaults, layouts, yaml, yamlStartLine }),
      permalink: (rel, data) => {
        if (data.published === false) return false;
        const kind = entries.kindOf(rel);
        if (kind.kind === "page") return pageUrl(rel, data, config.permalink);
        const collection = config.collections.get(kind.collection)!;
        return collection.output ? documentUrl(kind.collection, kind.relInCollection, data, collection.permalink) : false;
      },
    };
  }
}

/** The Jekyll project at `root`, if `_config.yml` is there. Diagnostics say why it could not be read. */
export function openJekyllProject(root: string): { project?: JekyllProject; diagnostics: Diagnostic[] } {
  if (!isJekyllProject(root)) return { diagnostics: [] };
  const { config, diagnostics } = loadJekyllConfig(root);
  return { project: config ? new JekyllProject(config) : undefined, diagnostics };
}
