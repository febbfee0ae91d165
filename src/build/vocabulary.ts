// The site data the build itself needs: the vocabulary for validation, and the path prefix.
import fs from "node:fs";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { SiteVocabulary } from "../frontmatter/validate.ts";
import { loadSiteData as loadSiteFiles, type SiteDataFiles } from "../site/load.ts";

export interface SiteData {
  vocab: SiteVocabulary;
  /** `baseurl` from `_data/site.yaml`, normalised to `/…/`; `/` when unset. */
  pathPrefix: string;
  /** The validated data files, loaded once per build and shared with the layouts. */
  files: SiteDataFiles;
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export function loadSiteData(includesDir: string, dataDir: string, diagnostics: Diagnostics): SiteData {
  const layouts = fs.existsSync(includesDir)
    ? fs
        .readdirSync(includesDir)
        .filter((f) => f.endsWith(".njk"))
        .map((f) => f.slice(0, -".njk".length))
        .sort()
    : [];
  const files = loadSiteFiles(dataDir, diagnostics);
  return {
    vocab: {
      layouts,
      contributors: new Set(Object.keys(files.contributors)),
      tags: new Set(Object.keys(files.tags)),
      extraKeys: new Set(files.site.frontMatterKeys),
    },
    pathPrefix: normalizePrefix(files.site.baseurl),
    files,
  };
}
