// Checks stage: safety rules on the Markdown, then link and anchor checks over the built HTML.
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";
import { sidebarIn, type Sidebar } from "../layouts/sidebar.ts";
import { displayPath, markdownReporter } from "../diagnostics/source-lines.ts";
import { LinkLines } from "./link-lines.ts";
import { checkLinks, readAllFactsInSlices, type BuiltPage } from "./links.ts";
import { unsafeHtmlRule } from "./unsafe-html.ts";
import { outputGuard } from "./output-containment.ts";
import { keptPages, type WarmBuild } from "../build/warm-build.ts";
import { packFacts, unpackFacts } from "./packed-facts.ts";
import type { PageFacts } from "./html-facts.ts";
import fs from "node:fs";

export interface ChecksOptions {
  ctx: BuildContext;
  /** The layouts' sidebar renderer: its links are read once per rendering, not once per page. */
  sidebar?: Sidebar;
}

export function checksPlugin(eleventyConfig: UserConfig, { ctx, sidebar }: ChecksOptions): void {
  const linkLines = new LinkLines(ctx.sources);
  ctx.linkLines = linkLines;
  // A warm build renders only the changed pages: the others' link lines are the last build's.
  const warm = ctx.warm;
  if (warm) for (const [file, lines] of warm.record.linkLines) if (!warm.changedDisplay.has(file)) linkLines.restore(file, lines);
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
    const pages: BuiltPage[] = [];
    // Every page is checked, also in a warm build: an edited page can break a link in one that was
    // not rendered again. Those pages' facts are the last build's (unchanged files).
    const kept = warm ? keptPages(ctx.eleventy) : [];
    for (const r of [...results, ...kept]) {
      if (!r.outputPath || !r.outputPath.endsWith(".html")) continue;
      const html = "content" in r ? r.content : undefined;
      pages.push({
        outputFile: path.relative(outputDir, path.resolve(r.outputPath)).split(path.sep).join("/"),
        inputPath: displayPath(r.inputPath),
        html: html ?? "",
        shared: typeof r.url === "string" ? sidebar?.of(r.url) : undefined,
      });
    }
    const prefix = ctx.options.pathPrefix ?? "/";
    // Read while the last pages are still being written: the facts come from the HTML in memory.
    const facts = warm ? await warmFacts(pages, new Set(results.map((r) => r.outputPath && path.resolve(r.outputPath))), outputDir, warm) : await readAllFactsInSlices(pages);
    // Links to files other than pages are looked for on disk: wait until the build's files are there
    // (in a warm build, also those linked from the last build, such as the sitemap).
    if (ctx.pageWrites && !(await ctx.pageWrites.onDisk())) return;
    await warm?.linked;
    // For the build cache (the preview keeps none). Packed now: the read facts are millions of small
    // objects at 20,000 pages, and the build keeps what it needs for the cache until it ends.
    if (ctx.options.mode === "build") ctx.linkFacts = packFacts(facts);
    for (const d of checkLinks(pages, { outputDir, pathPrefix: prefix, lineOf: (file, href) => linkLines.lineOf(file, href) }, facts)) {
      ctx.diagnostics.report(d);
    }
  });
}

/**
 * A warm build's facts: the rendered pages read from their HTML, the others taken from the last
 * build (a page it lacks is read from the file that build wrote).
 */
async function warmFacts(pages: BuiltPage[], rendered: ReadonlySet<string | false>, outputDir: string, warm: WarmBuild): Promise<Map<string, PageFacts>> {
  const cached = unpackFacts(warm.record.facts);
  const facts = new Map<string, PageFacts>();
  const toRead: BuiltPage[] = [];
  for (const page of pages) {
    const file = path.join(outputDir, page.outputFile);
    const before = rendered.has(file) ? undefined : cached.get(page.outputFile);
    if (before) facts.set(page.outputFile, before);
    else if (page.html) toRead.push(page);
    else {
      const html = fs.readFileSync(path.join(warm.previousOutput, page.outputFile), "utf8");
      toRead.push({ ...page, html, shared: page.shared ?? sidebarIn(html) });
    }
  }
  for (const [file, read] of await readAllFactsInSlices(toRead)) facts.set(file, read);
  return facts;
}
