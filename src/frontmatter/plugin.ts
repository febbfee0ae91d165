// Front matter stage: YAML through gray-matter + js-yaml's safe schema, validated before Eleventy runs.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";
import { normalizePermalink } from "../content/permalink.ts";
import { parseYaml } from "./yaml.ts";

export interface FrontMatterOptions {
  ctx: BuildContext;
}

export class FrontMatterLanguageError extends Error {}

/** Parse YAML for Eleventy, reusing what the content scan already parsed and validated. */
function yamlEngine(ctx: BuildContext) {
  const byFile = new Map((ctx.scan?.pages ?? []).map((p) => [p.file, p.raw]));
  // Eleventy 3 passes the file; a Jekyll page's data also depends on it (its `defaults`, its URL).
  return (text: string, options?: { filePath?: string }): Record<string, unknown> => {
    const cached = (options?.filePath ? byFile.get(path.resolve(options.filePath)) : undefined) ?? ctx.scan?.parsedYaml.get(text);
    // Eleventy adds keys to the data object it gets; hand it a copy so the cache stays clean.
    const data = cached !== undefined ? structuredClone(cached) : parseYaml(text, 1).data;
    const record = (data && typeof data === "object" && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
    // Jekyll writes an extensionless permalink `/a/b` as a/b.html (served at /a/b).
    if (typeof record.permalink === "string") record.permalink = normalizePermalink(record.permalink);
    return record;
  };
}

export function frontMatterPlugin(eleventyConfig: UserConfig, { ctx }: FrontMatterOptions): void {
  const rejectCode = () => {
    // `---js` front matter runs code at build time: never from content (S5).
    throw new FrontMatterLanguageError("front matter must be YAML");
  };
  eleventyConfig.setFrontMatterParsingOptions({
    engines: { yaml: yamlEngine(ctx), js: rejectCode, javascript: rejectCode, node: rejectCode },
  });
  for (const page of ctx.scan?.pages ?? []) ctx.sources.setBodyStart(page.file, page.bodyStartLine);
  // Eleventy's ignore globs are relative to the working directory.
  for (const file of ctx.scan?.ignored ?? []) eleventyConfig.ignores.add(path.relative(process.cwd(), file));
}
