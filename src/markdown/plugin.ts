// Markdown stage: installs our markdown-it instance (kramdown-compatible rules) as Eleventy's md library.
import type { UserConfig } from "@11ty/eleventy";
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { createMarkdown } from "./index.ts";

export interface MarkdownPluginOptions {
  /** Where rules report writers' mistakes (file:line is derived from the page in `env`). */
  report: MarkdownReport;
  /** The site's URL path prefix, for writers' root-relative links. */
  pathPrefix?: string;
  /** Told of every page rendered, with its tokens and Eleventy's page data. */
  onRender?: (html: string, tokens: Token[], env: unknown) => void;
  /** Asked after each page renders: a promise returned holds the next page until it settles (see `turningEventLoop`). */
  hold?: () => Promise<unknown> | undefined;
}

export function markdownPlugin(eleventyConfig: UserConfig, options: MarkdownPluginOptions): void {
  const md = createMarkdown({ report: options.report, pathPrefix: options.pathPrefix, onRender: options.onRender });
  eleventyConfig.setLibrary("md", turningEventLoop(md, options.hold));
}

/**
 * The library as Eleventy gets it: the same instance (rules, options and plugins are shared through
 * the prototype), except that each page's `render` lets the event loop turn once before it resolves.
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
  const library = Object.create(md) as MarkdownIt;
  library.render = ((src: string, env?: unknown) => {
    const html = md.render(src, env);
    const held = hold?.();
    if (held) return held.then(() => html, () => html);
    return new Promise<string>((resolve) => setImmediate(() => resolve(html)));
  }) as unknown as MarkdownIt["render"];
  return library;
}
