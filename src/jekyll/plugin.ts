// Jekyll project stage: the project's `site.*` for Liquid and the layouts, its static files, and what
// Eleventy must not read (documents of collections that are listed but not written).
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";

export interface JekyllPluginOptions {
  ctx: BuildContext;
}

export function jekyllPlugin(eleventyConfig: UserConfig, { ctx }: JekyllPluginOptions): void {
  const { jekyll, scan } = ctx;
  if (!jekyll || !scan) return;
  // Replaces the layouts' `site` (the theme's data): registered after them, so this one wins.
  eleventyConfig.addGlobalData("site", () => jekyll.site(scan, ctx.diagnostics).site);
  for (const page of scan.unwritten) eleventyConfig.ignores.add(path.relative(process.cwd(), page.file));
  // Static files (scan.staticFiles) are copied by the build itself: src/build/static-files.ts.
}
