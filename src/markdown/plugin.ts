// Markdown stage: makes Eleventy's markdown-it instance ours (kramdown-compatible rules).
import type { UserConfig } from "@11ty/eleventy";
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { configureMarkdown } from "./index.ts";

export interface MarkdownPluginOptions {
  /** Where rules report writers' mistakes (file:line is derived from the page in `env`). */
  report: MarkdownReport;
  /** The site's URL path prefix, for writers' root-relative links. */
  pathPrefix?: string;
  /** Told of every page rendered, with its tokens and Eleventy's page data. */
  onRender?: (html: string, tokens: Token[], env: unknown) => void;
  /** Asked after each page renders: a promise returned holds the next page until it settles (see `turningEventLoop`). */
  hold?: () => Promise<unknown> | undefined;
  /** Given the instance this build renders pages with (the preview swaps a rule in it for a saved page). */
  onLibrary?: (md: MarkdownIt) => void;
}

/**
 * Our rules go into Eleventy's own markdown-it instance (`amendLibrary`), not one of ours given with
 * `setLibrary`. Why: Eleventy 3.1 keeps every library given with `setLibrary` in a module-level Set
 * for the life of the process (Engines/TemplateEngine.js, `AMENDED_INSTANCES`), and ours holds the
 * build through its rules' closures, so each build in one process (the preview's full rebuilds)
 * kept the one before it: about 260 MB more heap per build at 4,000 pages. Eleventy's own instance
 * belongs to the build's Eleventy and goes with it (tests/build/rebuild-in-process.test.ts).
 */
export function markdownPlugin(eleventyConfig: UserConfig, options: MarkdownPluginOptions): void {
  eleventyConfig.amendLibrary("md", (md: MarkdownIt) => {
    configureMarkdown(md, { report: options.report, pathPrefix: options.pathPrefix, onRender: options.onRender });
    turningEventLoop(md, options.hold);
    options.onLibrary?.(md);
  });
}

/**
 * Make each page's `render` of `md` let the event loop turn once before it resolves. Rules, options
 * and plugins stay as they are; `render` still renders the same HTML.
 *
 * Why: Eleventy renders pages one after another in a chain of promises that never waits on I/O, so
 * nothing else on this thread runs until the whole Markdown phase ends. The search stage sends each
 * page to Pagefind's process as it renders (src/search/early-documents.ts), and reads Pagefind's
 * replies on this thread; without a turn of the event loop per page, the replies wait, the window of
 * pages in flight fills, and Pagefind sits idle on the other core. Eleventy awaits what `render`
 * returns, so a promise is all it takes.
 *
 * `hold`, if it returns a promise after a page, keeps that page's render pending until it settles:
 * the search stage uses it once, after the last page it indexes, so that its bundle is being written
 * on the other core before the layouts start (src/search/early-documents.ts).
 */
export function turningEventLoop(md: MarkdownIt, hold?: () => Promise<unknown> | undefined): MarkdownIt {
  const render = md.render;
  md.render = ((src: string, env?: unknown) => {
    const html = render.call(md, src, env);
    const held = hold?.();
    if (held) return held.then(() => html, () => html);
    return new Promise<string>((resolve) => setImmediate(() => resolve(html)));
  }) as unknown as MarkdownIt["render"];
  return md;
}
