// Markdown stage: installs our markdown-it instance (kramdown-compatible rules) as Eleventy's md library.
import type { UserConfig } from "@11ty/eleventy";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";

export interface MarkdownPluginOptions {
  /** Where rules report writers' mistakes (file:line is derived from the page in `env`). */
  report: MarkdownReport;
}

// SCAFFOLD: replaced by the markdown stage (src/markdown/).
export function markdownPlugin(_eleventyConfig: UserConfig, _options: MarkdownPluginOptions): void {}
