// Builds the Pagefind index in this process from pages held in memory and writes its bundle.
import fs from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefindModule from "pagefind";
import type { PagefindServiceConfig } from "pagefind";
import { DocsError } from "../diagnostics/diagnostic.ts";
import type { SearchPage } from "./pages.ts";

/** The part of Pagefind's Node API we call; tests substitute a failing one. */
export type PagefindApi = Pick<typeof pagefindModule, "createIndex" | "close">;

export const SEARCH_INDEX_FAILED = "SEARCH_INDEX_FAILED";

/** The search index could not be built; `cause` holds Pagefind's own error when there is one. */
export class SearchIndexError extends DocsError {}

export interface IndexSiteOptions {
  pages: readonly SearchPage[];
  /** The folder the site is being written to; the bundle goes to `<outputDir>/pagefind/`. */
  outputDir: string;
  /** Default: Pagefind's real Node API. */
  api?: PagefindApi;
  /** Pagefind indexing settings. Default: none (the pages' `data-pagefind-*` markup drives it). */
  config?: PagefindServiceConfig;
}

export interface IndexSiteResult {
  pageCount: number;
  milliseconds: number;
  bundleDir: string;
  /** The bundle is the one `writeEarly` started (no page came after it). */
  early: boolean;
}

/** An index left open after its bundle was written (`finish` with `keepOpen`): the preview updates it page by page. */
export interface OpenIndex {
  index: PagefindIndex;
  /** Stop Pagefind's service, which frees the index. */
  close(): Promise<void>;
}

export const BUNDLE_DIR = "pagefind";

export async function indexSite(options: IndexSiteOptions): Promise<IndexSiteResult> {
  const session = openIndex({ api: options.api, config: options.config });
  for (const page of options.pages) session.add(page);
  return session.finish(options.outputDir);
}

/**
 * One build's index. Pages reach Pagefind strictly in the order they are given (the index depends on
 * that order). `addDirectory` hands Pagefind a whole written folder: its own file walk runs on all
 * cores and is 2–3× faster than page-by-page `add` (see BENCHMARKS.md). `finish` writes the bundle;
 * `abort` drops the index. Either one stops the service, and the first failure is thrown by `finish`.
 */
export interface IndexSession {
  add(page: SearchPage): void;
  /**
   * Index these pages from the files under `dir` the build wrote them to (`outputPath`), in one
   * Pagefind call. Pagefind's errors for a folder name no file, so on a failure the pages are indexed
   * one by one from memory to name the page it refuses. Pages without a plain file name (see
   * `globbable`) are added one by one.
   */
  addWritten(dir: string, pages: readonly SearchPage[]): void;
  /**
   * Start writing the bundle now, for the pages given so far, while the build goes on (the layouts
   * render). `asked` resolves once Pagefind has filed every page and been asked to write; `written`
   * once it is done writing (false if that failed). `finish` then keeps that bundle if no page was
   * given after it, and writes again if one was.
   */
  writeEarly(outputDir: string): { asked: Promise<void>; written: Promise<boolean> };
  /** Write the bundle; with `keepOpen`, hand the index over instead of stopping the service. */
  finish(outputDir: string, options?: { keepOpen?: (open: OpenIndex) => void }): Promise<IndexSiteResult>;
  abort(): Promise<void>;
}

/** Pagefind services to stop if the process would otherwise exit with them still open. */
const openServices = new Set<() => void>();

/**
 * Have `stop` called if the process is about to exit (Node's `beforeExit`) while it is still
 * registered; returns what unregisters it. One listener serves every open service: a preview kept
 * open, a build's index and a warm build's scratch index each used to add its own, and a process
 * that opens many (the tests) passed Node's limit of ten.
 */
export function closeBeforeExit(stop: () => void): () => void {
  if (openServices.size === 0) process.once("beforeExit", stopOpenServices);
  openServices.add(stop);
  return () => {
    openServices.delete(stop);
    if (openServices.size === 0) process.off("beforeExit", stopOpenServices);
  };
}

function stopOpenServices(): void {
  const stops = [...openServices];
  openServices.clear();
  for (const stop of stops) stop();
}

export function openIndex(options: { api?: PagefindApi; config?: PagefindServiceConfig; filesPerCall?: number; window?: number } = {}): IndexSession {
  const api = options.api ?? pagefindModule;
  // Timed from the first page handed over: the index may be opened long before (while pages render).
  let started: number | undefined;
  const start = () => (started ??= performance.now());
  // Counted, not kept: a page's HTML is large, and Pagefind has its own copy.
  let added = 0;
  let fromDirectories = 0;
  // If Pagefind's service process dies mid-call, its promise never settles and Node would exit
  // 0 with no index. Closing the service rejects every pending call instead.
  const forget = closeBeforeExit(() => void api.close());
  let closed = false;
  let kept = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    forget();
    // Stopping the service frees the index with it. (`deleteIndex` would restart a crashed
    // service just to delete an index it never had.)
    await api.close();
  };
  const indexReady = newIndex(api, "start the indexer", options.config);
  // The calls in order; a failure waits for `finish`, and calls chained after it are skipped.
  let chain: Promise<unknown> = indexReady;
  chain.catch(() => undefined);
  // What a page given to `add` waits for before it is sent: the index, or a folder given earlier.
  let barrier: Promise<unknown> = indexReady;
  const window = options.window ?? 24;
  /** Pages given to `add` and `addWritten` so far, counted as they are given. */
  let given = 0;
  /** The bundle started by `writeEarly`: where, after how many pages given, and its outcome. */
  let early: { nextDir: string; pages: number; written: Promise<boolean> } | undefined;
  const nextDirOf = (outputDir: string) => path.join(outputDir, `.${BUNDLE_DIR}-next`);
  const queued: { page: SearchPage; resolve: (value: unknown) => void; reject: (reason: unknown) => void }[] = [];
  let inFlight = 0;
  const pump = (index: PagefindIndex): void => {
    while (inFlight < window && queued.length > 0) {
      const job = queued.shift()!;
      inFlight++;
      addPage(index, job.page)
        .then(job.resolve, job.reject)
        .finally(() => {
          inFlight--;
          pump(index);
        });
    }
  };
  return {
    add(page) {
      start();
      added++;
      given++;
      // Up to `window` pages are with Pagefind at once, without waiting for the page before it:
      // replies come back through this thread's event loop, which is busy rendering while pages are
      // added early (src/search/early-documents.ts). More at once would only queue their encoded
      // copies in this process (over 100 MB at 4,000 pages). Pagefind takes its messages in the
      // order sent; the chain waits for the replies in that order, so the first failure is the one
      // `finish` throws.
      const sent = barrier.then(() => indexReady).then((index) => new Promise((resolve, reject) => {
        queued.push({ page, resolve, reject });
        pump(index);
      }));
      sent.catch(() => undefined);
      chain = chain.then(() => sent);
      chain.catch(() => undefined);
    },
    addWritten(dir, pages) {
      start();
      given += pages.length;
      const files: string[] = [];
      const single: SearchPage[] = [];
      for (const page of pages) {
        const file = page.outputPath === undefined ? undefined : path.relative(dir, path.resolve(page.outputPath)).split(path.sep).join("/");
        if (file !== undefined && globbable(file)) files.push(file);
        else single.push(page);
      }
      chain = chain.then(async () => {
        const index = await indexReady;
        const addDir = index.addDirectory.bind(index);
        // Globs of exactly these files: the folder also holds pages left out of search and files
        // that are not pages, which Pagefind would otherwise index when no page of the site marks
        // its body (a Jekyll project's own layouts).
        for (const glob of globsOf(files, options.filesPerCall)) {
          const response = await addDir({ path: dir, glob }).catch((cause: unknown) => ({ errors: [cause instanceof Error ? cause.message : String(cause)], page_count: 0 }));
          if (response.errors.length > 0) {
            for (const page of pages) await addPage(index, page);
            throw fault(`index ${dir}`, undefined, response.errors.join("; "), response.errors);
          }
          fromDirectories += response.page_count;
        }
        for (const page of single) {
          added++;
          await addPage(index, page);
        }
      });
      chain.catch(() => undefined);
      barrier = chain.catch(() => undefined);
    },
    writeEarly(outputDir) {
      const nextDir = nextDirOf(outputDir);
      let asked: () => void = () => undefined;
      const sent = new Promise<void>((resolve) => (asked = resolve));
      const written = chain.then(async () => {
        const index = await indexReady;
        await fs.rm(nextDir, { recursive: true, force: true });
        await fs.mkdir(outputDir, { recursive: true });
        const write = index.writeFiles.bind(index);
        // Pagefind takes messages in order, and every page's reply is in: the bundle holds them all.
        const writing = step(`write the index to ${nextDir}`, undefined, () => write({ outputPath: nextDir }));
        asked();
        return writing;
      });
      // A failure here is met again by `finish`, which then writes the bundle itself.
      early = { nextDir, pages: given, written: written.then(() => true, () => (asked(), false)) };
      return { asked: sent, written: early.written };
    },
    async finish(outputDir, finishOptions) {
      const bundleDir = path.join(outputDir, BUNDLE_DIR);
      // Written beside the live bundle and swapped in whole, so the preview never serves a mix of
      // two indexes and stale fragment files never pile up.
      const nextDir = nextDirOf(outputDir);
      try {
        await chain;
        const index = await indexReady;
        // The early bundle, if it was written whole and no page came after it.
        const written = early !== undefined && early.nextDir === nextDir && (await early.written) && early.pages === given;
        if (!written) {
          await fs.rm(nextDir, { recursive: true, force: true });
          await fs.mkdir(outputDir, { recursive: true });
          const write = index.writeFiles.bind(index);
          await step(`write the index to ${bundleDir}`, undefined, () => write({ outputPath: nextDir }));
        }
        await fs.rm(bundleDir, { recursive: true, force: true });
        await fs.rename(nextDir, bundleDir);
        if (finishOptions?.keepOpen) {
          finishOptions.keepOpen({ index, close });
          kept = true;
        }
        return { pageCount: added + fromDirectories, milliseconds: Math.round(performance.now() - (started ?? performance.now())), bundleDir, early: written };
      } finally {
        if (!kept) await close();
        await fs.rm(nextDir, { recursive: true, force: true });
      }
    },
    async abort() {
      // Stopped in the middle of its early write, Pagefind could leave files in a folder that the
      // caller is about to remove or write again: let that write end first.
      if (early) await early.written;
      await close();
    },
  };
}

/**
 * `{a,b,…}` globs listing `files`, in order. Pagefind cannot parse one alternative list of 20,000
 * paths (5,000 parse), and every call walks the folder again, so they go in lists of up to 2,000
 * files and 100,000 characters.
 */
export function globsOf(files: readonly string[], maxFiles = 2000, maxChars = 100_000): string[] {
  const globs: string[] = [];
  let part: string[] = [];
  let chars = 0;
  const flush = () => {
    if (part.length > 0) globs.push(part.length === 1 ? part[0]! : `{${part.join(",")}}`);
    part = [];
    chars = 0;
  };
  for (const file of files) {
    if (part.length >= maxFiles || (part.length > 0 && chars + file.length + 1 > maxChars)) flush();
    part.push(file);
    chars += file.length + 1;
  }
  flush();
  return globs;
}

/** A path with nothing a glob would read as syntax, so `{a,b}` lists it literally. */
function globbable(file: string): boolean {
  return /^[A-Za-z0-9._~@%+/-]+$/.test(file) && !file.startsWith("/") && !file.split("/").includes("..");
}

export type PagefindIndex = NonNullable<Awaited<ReturnType<PagefindApi["createIndex"]>>["index"]>;

/** A new index in Pagefind's service; `what` is what a failure says could not be done. */
export async function newIndex(api: PagefindApi, what: string, config?: PagefindServiceConfig, wording?: FaultWording): Promise<PagefindIndex> {
  const { index } = await step(what, undefined, () => api.createIndex(config), wording);
  if (!index) throw fault(what, undefined, "no index was returned", undefined, wording);
  return index;
}

/** Add one page's HTML to an index; a failure names the page's source. */
export function addPage(index: PagefindIndex, page: SearchPage, wording?: FaultWording): Promise<unknown> {
  const add = index.addHTMLFile.bind(index);
  return step(`index ${page.url}`, page.inputPath, () => add({ url: page.url, content: page.content }), wording);
}

/** Add these pages to an index of their own and return its files: what is spliced into a bundle (bundle-patch.ts). */
export async function filesOfPages(index: PagefindIndex, pages: readonly SearchPage[], wording?: FaultWording): Promise<{ path: string; content: Uint8Array }[]> {
  for (const page of pages) await addPage(index, page, wording);
  const getFiles = index.getFiles.bind(index);
  return (await step("read the index of the pages", undefined, () => getFiles(), wording)).files;
}

/** How a fault reads: the preview words its own (its search is only stale, the pages are fine). */
export interface FaultWording {
  label: string;
  hint: string;
}

/** Runs one Pagefind call and turns both of its ways to fail (a throw, or `errors`) into one error. */
export async function step<T extends { errors: string[] }>(what: string, file: string | undefined, call: () => Promise<T>, wording?: FaultWording): Promise<T> {
  let response: T;
  try {
    response = await call();
  } catch (cause) {
    throw fault(what, file, cause instanceof Error ? cause.message : String(cause), cause, wording);
  }
  if (response.errors.length > 0) throw fault(what, file, response.errors.join("; "), response.errors, wording);
  return response;
}

export function fault(what: string, file: string | undefined, detail: string, cause?: unknown, wording?: FaultWording): SearchIndexError {
  return new SearchIndexError(
    {
      code: SEARCH_INDEX_FAILED,
      message: `${wording?.label ?? "Search index"}: Pagefind could not ${what}: ${detail}`,
      file,
      hint:
        wording?.hint ??
        (file
          ? "Pagefind could not read this page's HTML; check the page for malformed markup, or set `search: false` to leave it out of search."
          : "This is a fault in the search step, not in a page: run the build again, and if it persists report this message."),
    },
    { cause },
  );
}
