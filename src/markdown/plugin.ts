// Markdown stage: installs our markdown-it instance (kramdown-compatible rules) as Eleventy's md library.
import type { UserConfig } from "@11ty/eleventy";
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
}

export function markdownPlugin(eleventyConfig: UserConfig, options: MarkdownPluginOptions): void {
  eleventyConfig.setLibrary("md", createMarkdown({ report: options.report, pathPrefix: options.pathPrefix, onRender: options.onRender }));
}
