// Eleventy config: the folders, then one plugin per stage of the pipeline, in the order a page
// flows through them: front matter → Liquid → Markdown → trace diagrams → layouts → search index → checks.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { currentBuildContext } from "./src/build/context.ts";
import { markdownReporter } from "./src/diagnostics/source-lines.ts";
import { frontMatterPlugin } from "./src/frontmatter/plugin.ts";
import { liquidPlugin } from "./src/liquid/plugin.ts";
import { markdownPlugin } from "./src/markdown/plugin.ts";
import { traceDiagramsPlugin } from "./src/traces/plugin.ts";
import { layoutsPlugin } from "./src/layouts/plugin.ts";
import { Sidebar } from "./src/layouts/sidebar.ts";
import { TocIndex } from "./src/layouts/toc.ts";
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { jekyllPlugin } from "./src/jekyll/plugin.ts";
import { EarlyDocuments } from "./src/search/early-documents.ts";
import { searchPlugin } from "./src/search/plugin.ts";
import type { OpenIndex } from "./src/search/pagefind.ts";
import { checksPlugin } from "./src/checks/plugin.ts";
import { oneBytePagesPlugin } from "./src/build/one-byte.ts";

export default function (eleventyConfig: UserConfig) {
  const ctx = currentBuildContext();
  const { dirs, diagnostics, sources, options } = ctx;

  eleventyConfig.setQuietMode(true);
  // The content folder may be any folder (`--input`), so gitignore files outside it must not apply.
  eleventyConfig.setUseGitIgnore(false);
  // Eleventy's template cache stays on (layouts compile once per build, not once per page); the
  // build empties it before each run, so a process that builds again sees every edit
  // (src/build/eleventy-caches.ts).
  // Eleventy matches ignores against paths from the working directory, where `**` never crosses a
  // `..`: an input folder outside it (`--input /elsewhere`) needs its own prefix, or its _includes/
  // and README.md would be built as pages.
  const fromCwd = path.relative(process.cwd(), dirs.input).split(path.sep).join("/");
  for (const glob of ["**/README.md", "**/_includes/**", "**/_data/**", "**/node_modules/**"]) {
    eleventyConfig.ignores.add(glob);
    if (fromCwd.startsWith("..")) eleventyConfig.ignores.add(`${fromCwd}/${glob}`);
  }

  eleventyConfig.addPlugin(frontMatterPlugin, { ctx });
  eleventyConfig.addPlugin(liquidPlugin, { ctx });
  // Our pages link by permalink and get the path prefix; a Jekyll project's links stay as Jekyll
  // renders them (its writers add `{{ site.baseurl }}` themselves).
  // As each page's Markdown renders: its TOC, read from its tokens, for the layouts; and its search
  // document, so Pagefind need not read the written page back (not for a Jekyll project's layouts).
  const tocs = new TocIndex();
  const searchDocuments = ctx.jekyll ? undefined : new EarlyDocuments({ renderOrderFixed: () => ctx.renderOrderFixed === true });
  eleventyConfig.addPlugin(markdownPlugin, {
    report: markdownReporter(diagnostics, sources),
    pathPrefix: ctx.jekyll ? "/" : options.pathPrefix,
    onRender: (html: string, tokens: Token[], env: unknown) => {
      const url = (env as { page?: { url?: unknown } } | undefined)?.page?.url;
      if (typeof url === "string") tocs.record(url, html, tokens);
      searchDocuments?.rendered(html, env);
    },
    hold: () => searchDocuments?.takeHold(),
    onLibrary: (md: MarkdownIt) => void (ctx.markdown = md),
  });
  eleventyConfig.addPlugin(traceDiagramsPlugin, { diagnostics, sources, contentDir: dirs.input });
  // Each page's sidebar; the link check reads the links of each distinct rendering once.
  const sidebar = new Sidebar();
  eleventyConfig.addPlugin(layoutsPlugin, { ctx, tocs, sidebar });
  // A Jekyll project's `site.*` replaces the theme's, so it comes after the layouts (no-op otherwise).
  eleventyConfig.addPlugin(jekyllPlugin, { ctx });
  // Progress goes to stderr, so stdout stays clean for `--reporter json`.
  eleventyConfig.addPlugin(searchPlugin, {
    diagnostics,
    documents: searchDocuments,
    written: async () => (await ctx.pageWrites?.onDisk()) ?? true,
    outputDir: dirs.output,
    track: (work: Promise<unknown>) => void ctx.outputWork.push(work),
    mode: options.mode,
    logger: (line: string) => process.stderr.write(`${line}\n`),
    // The preview keeps the index open and replaces a saved page's record (src/serve).
    onIndexed: options.mode === "serve" ? (open: OpenIndex) => void (ctx.searchIndex = open) : undefined,
    warm: ctx.warm && { previousOutput: ctx.warm.previousOutput, abandon: (reason: string) => void (ctx.warm!.abandoned ??= reason), ready: async () => ctx.warm!.linked },
  });
  eleventyConfig.addPlugin(checksPlugin, { ctx, sidebar });
  // Last of the transforms: the final HTML Eleventy holds until the build ends, one byte a character.
  eleventyConfig.addPlugin(oneBytePagesPlugin);

  // Eleventy wants these relative to the input folder; ours live at the project root.
  eleventyConfig.setIncludesDirectory(path.relative(dirs.input, dirs.includes));
  eleventyConfig.setDataDirectory(path.relative(dirs.input, dirs.data));
  // Markdown and HTML pages go through Liquid first (Eleventy's default), as in Jekyll.
  eleventyConfig.setTemplateFormats(["md", "html", "njk"]);
}
