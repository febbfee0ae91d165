// Search stage: indexes every built page with Pagefind's Node API, over the folder the build wrote.
import path from "node:path";
import type { EleventyAfterEvent, UserConfig } from "@11ty/eleventy";
import type { PagefindServiceConfig } from "pagefind";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { openIndex, SearchIndexError, SEARCH_INDEX_FAILED, type IndexSession, type OpenIndex, type PagefindApi } from "./pagefind.ts";
import { SearchPageSet } from "./pages.ts";

export interface SearchOptions {
  diagnostics: Diagnostics;
  /** `serve` re-indexes after every rebuild of the writers' preview. */
  mode: "build" | "serve";
  /** Receives one line per build: pages indexed and time taken. Default: `console.log`. */
  logger?: (line: string) => void;
  /** Pagefind's Node API. Default: the real one; tests pass a failing one. */
  pagefind?: PagefindApi;
  /** Extra Pagefind indexing settings. Default: none. */
  indexConfig?: PagefindServiceConfig;
  /**
   * Takes the build's index once its bundle is written, open, instead of stopping Pagefind: the
   * preview replaces a saved page's record in it rather than indexing every page again.
   */
  onIndexed?: (open: OpenIndex) => void;
}

export function searchPlugin(eleventyConfig: UserConfig, options: SearchOptions): void {
  const log = options.logger ?? ((line: string) => console.log(line));
  // One set per plugin instance, so in the preview it outlives a rebuild.
  const pages = new SearchPageSet();
  // This build's index: opened while the pages render, so Pagefind's service is up when they are written.
  let session: IndexSession | undefined;

  // `results` carries no front matter, so note each template's `search` flag while it renders.
  eleventyConfig.addPreprocessor("search-flag", "*", function (this: { inputPath: string }, data: { search?: unknown }) {
    pages.noteSearchFlag(this.inputPath, data.search);
  });

  eleventyConfig.on("eleventy.before", async () => {
    // A build that failed before its end (a render error) leaves its index unfinished.
    await session?.abort();
    session = undefined;
  });
  eleventyConfig.on("eleventy.contentMap", () => {
    void session?.abort();
    session = openIndex({ api: options.pagefind, config: options.indexConfig });
  });

  eleventyConfig.on("eleventy.after", async (event: EleventyAfterEvent) => {
    pages.update(event.results);
    const current = session ?? openIndex({ api: options.pagefind, config: options.indexConfig });
    session = undefined;
    try {
      // Every page is on disk now. Pagefind reads them itself, on every core, while the checks
      // (the next `eleventy.after` listener) run on this thread.
      const dir = outputFolder(event);
      current.addWritten(dir, pages.all());
      const { pageCount, milliseconds } = await current.finish(dir, { keepOpen: options.onIndexed });
      log(`Search: indexed ${pageCount} page${pageCount === 1 ? "" : "s"} in ${milliseconds} ms`);
    } catch (error) {
      options.diagnostics.report(toDiagnostic(error));
    }
  });
}

/**
 * The folder this build writes to (the staging folder in a production build). `directories` is
 * Eleventy's normalized view; the older `dir.output` holds the config default (`_site`) even when
 * the output folder was passed to the Eleventy constructor, so it is only a fallback.
 */
function outputFolder(event: EleventyAfterEvent): string {
  return path.resolve(event.directories?.output ?? event.dir.output);
}

function toDiagnostic(error: unknown) {
  if (error instanceof SearchIndexError) return error.toDiagnostic();
  // A fault of our own (e.g. the file swap) must still fail the build with the same code.
  const message = error instanceof Error ? error.message : String(error);
  return {
    severity: "error" as const,
    code: SEARCH_INDEX_FAILED,
    message: `Search index: ${message}`,
    hint: "The search step failed after indexing; check that the output folder is writable.",
  };
}
