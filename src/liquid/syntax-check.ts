// Parses every page's Liquid before Eleventy renders it, so every page's syntax error is reported.
//
// Eleventy stops the whole build at the first template that throws; the contract wants every error
// of the run at once. A page whose Liquid does not parse (unclosed tag, unknown tag or filter,
// missing include) is reported here and skipped, and the rest of the site still renders.
import type { UserConfig } from "@11ty/eleventy";
import type { Liquid } from "liquidjs";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { diagnosticFromEleventyError } from "../build/eleventy-errors.ts";
import type { SourceRegistry } from "../diagnostics/source-lines.ts";
import { displayPath } from "../diagnostics/source-lines.ts";

export interface SyntaxCheckOptions {
  diagnostics: Diagnostics;
  sources: SourceRegistry;
  /** Pages not to check: a warm build's pages it does not render (they parsed in the last good build). */
  skip?: (inputPath: string) => boolean;
}

export function liquidSyntaxCheck(eleventyConfig: UserConfig, { diagnostics, sources, skip }: SyntaxCheckOptions): void {
  // Eleventy amends its Liquid instance before it adds filters and tags, so keep its parse and
  // parse later, from the preprocessor, when everything is registered.
  let parse: Liquid["parse"] | undefined;
  // What this check parsed, by input path, until Eleventy compiles the page: Eleventy parses the
  // same text again (0.6 s at 4,000 pages), and takes these instead. Taken once, and dropped at the
  // end of the build, so a page's parse is held only from start-up to its render.
  let parsed = new Map<string, { content: string; templates: ReturnType<Liquid["parse"]> }>();
  eleventyConfig.amendLibrary("liquid", (lib: Liquid) => {
    parse = lib.parse.bind(lib);
    lib.parse = (html, filepath) => {
      const kept = filepath === undefined ? undefined : parsed.get(filepath);
      if (kept && kept.content === html) {
        parsed.delete(filepath!);
        return kept.templates;
      }
      return parse!(html, filepath);
    };
  });
  eleventyConfig.on("eleventy.before", () => void (parsed = new Map()));
  eleventyConfig.on("eleventy.after", () => void (parsed = new Map()));
  eleventyConfig.addPreprocessor("liquid-syntax", "md,html", function (this: { inputPath: string }, _data: unknown, content: string) {
    if (!parse || !/\{[{%]/.test(content) || skip?.(this.inputPath)) return undefined;
    try {
      parsed.set(this.inputPath, { content, templates: parse(content, this.inputPath) });
      return undefined;
    } catch (error) {
      // Name the page in the message, as Eleventy's own wrapper would, so the file is found.
      const wrapped = new Error(`Having trouble compiling ${displayPath(this.inputPath)}`, { cause: error });
      (wrapped as Error & { originalError?: unknown }).originalError = error;
      const d = diagnosticFromEleventyError(wrapped, sources);
      if (!d) throw error;
      diagnostics.report(d);
      return false;
    }
  });
}
