// Trace diagrams stage: `{% trace %}`, `{% tracegraph %}` and `{% tracecompare %}` shortcodes.
import type { UserConfig } from "@11ty/eleventy";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { SourceRegistry } from "../diagnostics/source-lines.ts";

export interface TraceDiagramsOptions {
  diagnostics: Diagnostics;
  sources: SourceRegistry;
}

// SCAFFOLD: replaced by the trace diagrams stage (src/traces/).
export function traceDiagramsPlugin(_eleventyConfig: UserConfig, _options: TraceDiagramsOptions): void {}
