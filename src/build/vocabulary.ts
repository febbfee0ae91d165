// The site data the build itself needs: the vocabulary for validation, and the path prefix.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import type { SiteVocabulary } from "../frontmatter/validate.ts";
import { parseYaml } from "../frontmatter/yaml.ts";

function readYamlMapping(file: string, diagnostics: Diagnostics): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const parsed = parseYaml(fs.readFileSync(file, "utf8"), 1);
  for (const d of parsed.diagnostics) diagnostics.report({ ...d, file: displayPath(file) });
  const data = parsed.data;
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

export interface SiteData {
  vocab: SiteVocabulary;
  /** `baseurl` from `_data/site.yaml`, normalised to `/…/`; `/` when unset. */
  pathPrefix: string;
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
  const site = readYamlMapping(path.join(dataDir, "site.yaml"), diagnostics);
  const extra = Array.isArray(site.frontMatterKeys) ? site.frontMatterKeys.filter((k): k is string => typeof k === "string") : [];
  return {
    vocab: {
      layouts,
      contributors: new Set(Object.keys(readYamlMapping(path.join(dataDir, "contributors.yaml"), diagnostics))),
      tags: new Set(Object.keys(readYamlMapping(path.join(dataDir, "tags.yaml"), diagnostics))),
      extraKeys: new Set(extra),
    },
    pathPrefix: normalizePrefix(typeof site.baseurl === "string" ? site.baseurl : "/"),
  };
}
