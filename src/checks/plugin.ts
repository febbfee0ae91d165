// Checks stage: safety rules on the Markdown, then link and anchor checks over the built HTML.
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";
import type { Sidebar } from "../layouts/sidebar.ts";
import { displayPath, markdownReporter } from "../diagnostics/source-lines.ts";
import { LinkLines } from "./link-lines.ts";
import { checkLinks, readAllFactsInSlices, type BuiltPage } from "./links.ts";
import { unsafeHtmlRule } from "./unsafe-html.ts";
import { outputGuard } from "./output-containment.ts";

export interface ChecksOptions {
  ctx: BuildContext;
  /** The layouts' sidebar renderer: its links are read once per rendering, not once per page. */
  sidebar?: Sidebar;
}

export function checksPlugin(eleventyConfig: UserConfig, { ctx, sidebar }: ChecksOptions): void {
  const linkLines = new LinkLines(ctx.sources);
  eleventyConfig.amendLibrary("md", (md: MarkdownIt) => {
    md.use(unsafeHtmlRule, { report: markdownReporter(ctx.diagnostics, ctx.sources) });
    md.use(linkLines.plugin);
  });

  // Eleventy's event reports its configured output folder, not the staging folder we build into.
  const outputDir = ctx.dirs.output;
  // Transforms run before Eleventy writes a file: the last moment to refuse a path outside the output.
  const guard = outputGuard(outputDir);
  eleventyConfig.addTransform("output-containment", function (content) {
    if (this.page.outputPath) guard(this.page.outputPath, displayPath(this.page.inputPath));
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ results }) => {
    // Pages with errors were left out of this build, so links to them would all look broken: the
    // errors are what the writer must see. The links are checked on the next build that has none.
    if (ctx.diagnostics.errors.length > 0) return;
    // Links to files other than pages are looked for on disk: wait until the build's files are there.
    if (ctx.pageWrites && !(await ctx.pageWrites.onDisk())) return;
    const pages: BuiltPage[] = [];
    for (const r of results) {
      if (!r.outputPath || !r.outputPath.endsWith(".html")) continue;
      pages.push({
        outputFile: path.relative(outputDir, path.resolve(r.outputPath)).split(path.sep).join("/"),
        inputPath: displayPath(r.inputPath),
        html: r.content,
        shared: typeof r.url === "string" ? sidebar?.of(r.url) : undefined,
      });
    }
    const prefix = ctx.options.pathPrefix ?? "/";
    const facts = await readAllFactsInSlices(pages);
    for (const d of checkLinks(pages, { outputDir, pathPrefix: prefix, lineOf: (file, href) => linkLines.lineOf(file, href) }, facts)) {
      ctx.diagnostics.report(d);
    }
  });
}
