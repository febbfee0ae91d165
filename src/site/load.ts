// Loads and validates the site's data files, reporting a writer's mistake at file:line instead of crashing.
import fs from "node:fs";
import path from "node:path";
import { parseYaml } from "../frontmatter/yaml.ts";
import { locateKey } from "../frontmatter/locate.ts";
import type { z } from "zod";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import {
  contributorsSchema,
  navigationSchema,
  siteSchema,
  tagsSchema,
  type ContributorsData,
  type NavigationData,
  type SiteData,
  type TagsData,
} from "./schema.ts";

export interface SiteDataFiles {
  site: SiteData;
  contributors: ContributorsData;
  tags: TagsData;
  navigation: NavigationData;
}

/** What each file holds when it is missing or invalid, so the build can go on and report everything. */
const FALLBACK: SiteDataFiles = {
  site: siteSchema.parse({ title: "Documentation" }),
  contributors: {},
  tags: {},
  navigation: [],
};

/** 1-based line of the first line that defines `key` (a YAML mapping key or list item), if found. */
export function lineOfKey(text: string, key: string | number | undefined): number | undefined {
  if (key === undefined) return undefined;
  const lines = text.split("\n");
  if (typeof key === "number") {
    // The n-th top-level list item.
    let seen = -1;
    for (let i = 0; i < lines.length; i++) {
      if (/^- /.test(lines[i] ?? "") && ++seen === key) return i + 1;
    }
    return undefined;
  }
  const i = lines.findIndex((l) => {
    const m = /^\s*(?:- )?["']?([^"':#]+?)["']?\s*:/.exec(l);
    return m?.[1] === key;
  });
  return i >= 0 ? i + 1 : undefined;
}

function lineOf(text: string, keyPath: (string | number)[]): number | undefined {
  const index = locateKey(text, keyPath);
  return index === undefined ? undefined : index + 1;
}

function loadOne<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: z.output<S>,
  diagnostics: Diagnostics,
  required: boolean,
): z.output<S> {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) {
    if (required) {
      diagnostics.error({
        code: "DATA_MISSING",
        message: `${path.basename(file)} is missing`,
        file: shown,
        hint: `Create ${shown}; see the schema in src/site/schema.ts.`,
      });
    }
    return fallback;
  }
  const text = fs.readFileSync(file, "utf8");
  // The one safe YAML parser the build uses for front matter too: safe schema, capped aliases.
  const parsed = parseYaml(text, 1, "DATA");
  for (const d of parsed.diagnostics) diagnostics.report({ ...d, file: shown });
  if (parsed.diagnostics.some((d) => d.severity === "error")) return fallback;
  let raw = parsed.data;
  // An empty file means "nothing listed" for the optional files.
  if (raw == null && !required) raw = Array.isArray(fallback) ? [] : {};
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.join(".") || "(top level)";
    diagnostics.error({
      code: "DATA_INVALID",
      message: `${path.basename(file)}: ${where}: ${issue.message}`,
      file: shown,
      line: lineOf(text, issue.path.filter((p): p is string | number => typeof p !== "symbol")),
      hint: "Correct the value; the fields and their types are documented in src/site/schema.ts.",
    });
  }
  return fallback;
}

/** Read `_data/{site,contributors,tags,navigation}.yaml` from `dataDir`, validated. */
export function loadSiteData(dataDir: string, diagnostics: Diagnostics): SiteDataFiles {
  const file = (name: string) => path.join(dataDir, `${name}.yaml`);
  return {
    site: loadOne(file("site"), siteSchema, FALLBACK.site, diagnostics, true),
    contributors: loadOne(file("contributors"), contributorsSchema, FALLBACK.contributors, diagnostics, false),
    tags: loadOne(file("tags"), tagsSchema, FALLBACK.tags, diagnostics, false),
    navigation: loadOne(file("navigation"), navigationSchema, FALLBACK.navigation, diagnostics, false),
  };
}
