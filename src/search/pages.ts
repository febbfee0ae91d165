// Which built pages go into the search index, kept across rebuilds of the writers' preview.
import type { EleventyResult } from "@11ty/eleventy";
import { displayPath } from "../diagnostics/source-lines.ts";

/** One page as Pagefind receives it: the URL readers open and the finished HTML. */
export interface SearchPage {
  url: string;
  content: string;
  /** The source file, project-relative as in every diagnostic, so a failure can name it. */
  inputPath: string;
  /** Where the build wrote it, as Eleventy reports it (absolute, or relative to the working folder). */
  outputPath?: string;
}

/**
 * The set of pages to index, replaced by each build's results. Eleventy 3 lists every page in
 * `results`, also after an incremental rebuild (tested), so replacing drops deleted pages.
 * Keyed by URL, which is what Pagefind keys its records on.
 */
export class SearchPageSet {
  readonly #pages = new Map<string, SearchPage>();
  /** Input paths whose front matter says `search: false`, filled while templates render. */
  readonly #excludedInputs = new Set<string>();

  /** Record a template's `search` flag; called for every template Eleventy renders. */
  noteSearchFlag(inputPath: string, search: unknown): void {
    if (search === false) this.#excludedInputs.add(inputPath);
    else this.#excludedInputs.delete(inputPath);
  }

  /** Take in one build's results, in place of the last build's. */
  update(results: readonly EleventyResult[]): void {
    const next = new Map<string, SearchPage>();
    for (const result of results) {
      if (typeof result.url !== "string" || !isHtmlOutput(result.outputPath)) continue;
      if (this.#excludedInputs.has(result.inputPath)) continue;
      next.set(result.url, { url: result.url, content: result.content, inputPath: displayPath(result.inputPath), outputPath: result.outputPath || undefined });
    }
    this.#pages.clear();
    for (const [url, page] of next) this.#pages.set(url, page);
  }

  /** Every page to index, sorted by URL so the index is the same for the same input. */
  all(): SearchPage[] {
    return [...this.#pages.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }
}

// Feeds, sitemaps, robots.txt and `_redirects` are not pages a reader searches for.
function isHtmlOutput(outputPath: string | false): boolean {
  return typeof outputPath === "string" && outputPath.endsWith(".html");
}
