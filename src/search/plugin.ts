// Search stage: indexes every built page with Pagefind's Node API, fed while the pages render.
import path from "node:path";
import type { EleventyAfterEvent, UserConfig } from "@11ty/eleventy";
import type { PagefindServiceConfig } from "pagefind";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { openIndex, SearchIndexError, SEARCH_INDEX_FAILED, type IndexSession, type PagefindApi } from "./pagefind.ts";
import { SearchPageSet, type SearchPage } from "./pages.ts";

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
}

export function searchPlugin(eleventyConfig: UserConfig, options: SearchOptions): void {
  const log = options.logger ?? ((line: string) => console.log(line));
  // One set per plugin instance, so in the preview it outlives a rebuild.
  const pages = new SearchPageSet();
  // This build's index, fed while the pages render (see StreamingFeed), or undefined.
  let feed: StreamingFeed | undefined;

  // `results` carries no front matter, so note each template's `search` flag while it renders.
  eleventyConfig.addPreprocessor("search-flag", "*", function (this: { inputPath: string }, data: { search?: unknown }) {
    pages.noteSearchFlag(this.inputPath, data.search);
  });

  eleventyConfig.on("eleventy.before", async () => {
    // A build that failed before its end (a render error) leaves its index unfinished.
    await feed?.session.abort();
    feed = undefined;
  });
  // Every URL this build will write is known before the first page renders: the index is fed in
  // that order (sorted, as `pages.all()` sorts), each page as soon as it and those before it are done.
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    void feed?.session.abort();
    feed = new StreamingFeed(Object.keys(urlToInputPath), openIndex({ api: options.pagefind, config: options.indexConfig }));
  });
  eleventyConfig.addTransform("search-feed", function (content) {
    if (feed && typeof content === "string") {
      const { url, inputPath, outputPath } = this.page;
      const indexed = typeof url === "string" && isHtmlOutput(outputPath) && !pages.isExcluded(inputPath);
      feed.rendered(url, indexed ? { url, content, inputPath: displayPath(inputPath) } : undefined);
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async (event: EleventyAfterEvent) => {
    pages.update(event.results);
    const all = pages.all();
    const current = feed;
    feed = undefined;
    try {
      // The pages fed while rendering must be exactly the first pages of the full, sorted list;
      // then the rest follow in order and the index is the one a single pass would write. Otherwise
      // (an incremental rebuild renders only what changed) the index is built again from the list.
      let session = current?.session;
      if (session && !isPrefix(session.added, all)) {
        await session.abort();
        session = undefined;
      }
      session ??= openIndex({ api: options.pagefind, config: options.indexConfig });
      for (const page of all.slice(session.added.length)) session.add(page);
      const { pageCount, milliseconds } = await session.finish(outputFolder(event));
      log(`Search: indexed ${pageCount} page${pageCount === 1 ? "" : "s"} in ${milliseconds} ms`);
    } catch (error) {
      options.diagnostics.report(toDiagnostic(error));
    }
  });
}

/**
 * Hands rendered pages to the index in URL order while the site renders: a page waits until every
 * URL before it has rendered (or turned out not to be indexed), so the order never depends on which
 * page finished first.
 */
class StreamingFeed {
  readonly #order: string[];
  readonly #ready = new Map<string, SearchPage | undefined>();
  #next = 0;

  constructor(
    urls: string[],
    readonly session: IndexSession,
  ) {
    this.#order = [...urls].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  rendered(url: string | false, page: SearchPage | undefined): void {
    if (typeof url !== "string") return;
    this.#ready.set(url, page);
    while (this.#next < this.#order.length && this.#ready.has(this.#order[this.#next]!)) {
      const ready = this.#ready.get(this.#order[this.#next]!);
      this.#ready.delete(this.#order[this.#next]!);
      if (ready) this.session.add(ready);
      this.#next++;
    }
  }
}

function isPrefix(fed: readonly SearchPage[], all: readonly SearchPage[]): boolean {
  return fed.length <= all.length && fed.every((p, i) => p.url === all[i]!.url && p.content === all[i]!.content && p.inputPath === all[i]!.inputPath);
}

// Feeds, sitemaps, robots.txt and `_redirects` are not pages a reader searches for.
function isHtmlOutput(outputPath: string | false): boolean {
  return typeof outputPath === "string" && outputPath.endsWith(".html");
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
