// Trace diagrams stage: `{% trace %}`, `{% tracegraph %}` and `{% tracecompare %}` shortcodes.
//
// Syntax (arguments are parsed here, not by Liquid, so they read like Jekyll tags):
//   {% trace "traces/checkout.json" collapse=2 highlight="a1b2c3,d4e5f6" critical-path %}
//   {% tracegraph "traces/checkout.json" %}
//   {% tracecompare "traces/checkout.json" "traces/checkout-b.json" %}
// Paths are relative to the page's folder and must stay inside the content folder.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { Context, TagToken } from "liquidjs";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { SourceRegistry } from "../diagnostics/source-lines.ts";
import { TAG_SPECS } from "./args.ts";
import { renderTraceTag, type TagName } from "./tag.ts";

export interface TraceDiagramsOptions {
  diagnostics: Diagnostics;
  sources: SourceRegistry;
  /**
   * Content folder that trace paths may not leave. Default: Eleventy's input folder
   * (`eleventy.directories.input` in the page data), resolved against `sources.root`.
   */
  contentDir?: string;
}

/** What our tag keeps between Liquid's parse and render calls. */
interface TagState {
  rawArgs: string;
  /** 1-based line and column of the tag in the template Liquid was given (the page body). */
  position: [number, number];
}

interface PageData {
  page?: { inputPath?: string };
  eleventy?: { directories?: { input?: string } };
}

export function traceDiagramsPlugin(eleventyConfig: UserConfig, options: TraceDiagramsOptions): void {
  const { diagnostics, sources } = options;
  for (const name of Object.keys(TAG_SPECS) as TagName[]) {
    eleventyConfig.addLiquidTag(name, () => ({
      parse(this: TagState, token: TagToken) {
        this.rawArgs = token.args;
        const [line, column] = token.getPosition();
        this.position = [line ?? 1, column ?? 1];
      },
      render(this: TagState, ctx: Context) {
        const data = ctx.environments as PageData;
        const inputPath = data.page?.inputPath;
        if (!inputPath) return ""; // Not a page (e.g. a layout rendered on its own): nothing to resolve against.
        const [bodyLine, column] = this.position;
        const contentDir = path.resolve(sources.root, options.contentDir ?? data.eleventy?.directories?.input ?? path.dirname(inputPath));
        return renderTraceTag(
          name,
          this.rawArgs,
          { inputPath, line: sources.fileLine(inputPath, bodyLine - 1), column },
          { diagnostics, sources, contentDir },
        );
      },
    }));
  }
}
