// Search stage: indexes every built page with Pagefind's Node API, from documents made as pages
// render (early-documents.ts) and from the folder the build wrote.
import path from "node:path";
import type { EleventyAfterEvent, UserConfig } from "@11ty/eleventy";
import type { PagefindServiceConfig } from "pagefind";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { EarlyDocuments } from "./early-documents.ts";
import * as pagefindModule from "pagefind";
import { BUNDLE_DIR, closeBeforeExit, filesOfPages, newIndex, openIndex, SearchIndexError, SEARCH_INDEX_FAILED, type IndexSession, type OpenIndex, type PagefindApi, type PagefindIndex } from "./pagefind.ts";
import { SearchPageSet, type SearchPage } from "./pages.ts";
import { PagefindBundle, type BundleFile, type PatchOutcome } from "./bundle-patch.ts";

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
  /**
   * Search documents made as pages render (see early-documents.ts): those pages are handed to
   * Pagefind before any file is written, the rest read from their written files. Default: every
   * page from its written file.
   */
  documents?: EarlyDocuments;
  /**
   * Resolves once every page of the build is on disk (src/build/page-writes.ts), false if a write
   * failed. Default: they are as soon as Eleventy is done.
   */
  written?: () => Promise<boolean>;
  /**
   * The folder the build writes to. Given, the bundle is written as soon as every page to index has
   * its search document (`documents`), while the layouts render. Default: at the end of the build.
   */
  outputDir?: string;
  /**
   * Told of work that writes into the output folder outside `eleventy.after` (the bundle written
   * early): a build that fails before that event must wait for it before removing the folder.
   */
  track?: (work: Promise<unknown>) => void;
  /**
   * A warm build (src/build/warm-build.ts): only the pages rendered are indexed, alone, and spliced
   * into the last build's bundle in the output folder. `abandon` is told when that can't be done
   * (the caller then builds cold).
   */
  warm?: {
    /** The last good build's output folder, whose bundle the rendered pages are spliced into. */
    previousOutput: string;
    abandon(reason: string): void;
    /** Resolves once the last build's files are linked into this build's folder. */
    ready(): Promise<unknown>;
  };
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
  // A warm build reads the last build's bundle and starts Pagefind while Eleventy reads the site.
  let warmStart: WarmStart | undefined;
  eleventyConfig.on("eleventy.contentMap", () => {
    if (options.warm) {
      if (options.outputDir !== undefined) warmStart = startWarm(options, options.warm.previousOutput, path.resolve(options.outputDir));
      return;
    }
    void session?.abort();
    const opened = openIndex({ api: options.pagefind, config: options.indexConfig });
    session = opened;
    const outputDir = options.outputDir === undefined ? undefined : path.resolve(options.outputDir);
    const writeEarly = (dir: string) => {
      const { asked, written } = opened.writeEarly(dir);
      options.track?.(written);
      return asked;
    };
    options.documents?.open((doc) => opened.add(doc), { complete: outputDir === undefined ? undefined : () => writeEarly(outputDir) });
  });

  eleventyConfig.on("eleventy.after", async (event: EleventyAfterEvent) => {
    pages.update(event.results);
    if (options.warm) {
      try {
        if (options.written && !(await options.written())) return;
        // The last build's bundle is linked into this build's folder first.
        await options.warm.ready();
        const started = performance.now();
        const outcome = await spliceRendered(warmStart ?? startWarm(options, options.warm.previousOutput, outputFolder(event)), pages.all());
        warmStart = undefined;
        if (outcome.patched) log(`Search: ${outcome.pages} page${outcome.pages === 1 ? "" : "s"} spliced into the last build's index in ${Math.round(performance.now() - started)} ms`);
        else options.warm.abandon(`the search index: ${outcome.reason}`);
      } catch (error) {
        options.diagnostics.report(toDiagnostic(error));
      }
      return;
    }
    let current = session ?? openIndex({ api: options.pagefind, config: options.indexConfig });
    session = undefined;
    try {
      const all = pages.all();
      let indexed: ReadonlySet<string> = new Set();
      if (options.documents) {
        const settled = options.documents.settle(new Map(all.map((p) => [p.url, p.content])));
        if (settled) indexed = settled;
        else {
          // A document did not match its finished page: start again from the written files.
          await current.abort();
          current = openIndex({ api: options.pagefind, config: options.indexConfig });
        }
      }
      // Every other page is read from its file. Pagefind reads them itself, on every core, while
      // the checks (the next `eleventy.after` listener) run on this thread.
      if (options.written && !(await options.written())) {
        // A page could not be written, which fails the build: the index would be of a site that is not there.
        await current.abort();
        return;
      }
      const dir = outputFolder(event);
      current.addWritten(dir, all.filter((p) => !indexed.has(p.url)));
      const { pageCount, milliseconds, early, bundleDir } = await current.finish(dir, { keepOpen: options.onIndexed });
      // The published bundle is packaged so that a warm build can splice an edit into it (bundle-patch.ts).
      if (options.mode === "build") await PagefindBundle.package(bundleDir);
      const notes = [indexed.size > 0 ? `${indexed.size} while rendering` : "", early ? "written during the layouts" : ""].filter(Boolean);
      log(`Search: indexed ${pageCount} page${pageCount === 1 ? "" : "s"} in ${milliseconds} ms${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`);
    } catch (error) {
      options.diagnostics.report(toDiagnostic(error));
    }
  });
}

interface WarmStart {
  /** Stop Pagefind's service. */
  close(): Promise<void>;
  index: Promise<PagefindIndex>;
  /** The last build's bundle, to be written in this build's folder, or why it can't be spliced into. */
  bundle: Promise<PagefindBundle | string>;
}

function startWarm(options: SearchOptions, previousOutput: string, outputDir: string): WarmStart {
  const api = options.pagefind ?? pagefindModule;
  // A build that fails before its end never splices: the service must not keep the process alive.
  const forget = closeBeforeExit(() => void api.close());
  const close = async () => {
    forget();
    await api.close();
  };
  const index = newIndex(api, "start the indexer", options.indexConfig);
  index.catch(() => undefined);
  const bundle = PagefindBundle.load(path.join(outputDir, BUNDLE_DIR), { readFrom: path.join(previousOutput, BUNDLE_DIR) }).catch((error: unknown) =>
    error instanceof Error ? error.message : String(error),
  );
  return { close, index, bundle };
}

/** Index the rendered pages alone, as the preview indexes a saved page, and splice them into the packaged bundle in `dir`. */
async function spliceRendered(start: WarmStart, rendered: readonly SearchPage[]): Promise<PatchOutcome> {
  let files: BundleFile[] = [];
  try {
    if (rendered.length > 0) files = await filesOfPages(await start.index, rendered);
  } finally {
    await start.close();
  }
  if (rendered.length === 0) return { patched: true, pages: 0, chunksWritten: 0 };
  const loaded = await start.bundle;
  if (typeof loaded === "string") return { patched: false, reason: loaded };
  return loaded.apply(files, { packaged: true });
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
