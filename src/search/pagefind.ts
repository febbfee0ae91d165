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
}

export const BUNDLE_DIR = "pagefind";

export async function indexSite(options: IndexSiteOptions): Promise<IndexSiteResult> {
  const session = openIndex({ api: options.api, config: options.config });
  for (const page of options.pages) session.add(page);
  return session.finish(options.outputDir);
}

/**
 * An index that takes pages one at a time, while the site is still rendering, so Pagefind's own
 * process works on one core while Eleventy renders on the other. Pages reach Pagefind strictly in
 * the order `add` is called (the index depends on that order). `finish` writes the bundle; `abort`
 * drops the index. Either one stops the service, and the first failure is thrown by `finish`.
 */
export interface IndexSession {
  add(page: SearchPage): void;
  /** Pages handed to `add` so far, in order. */
  readonly added: readonly SearchPage[];
  finish(outputDir: string): Promise<IndexSiteResult>;
  abort(): Promise<void>;
}

export function openIndex(options: { api?: PagefindApi; config?: PagefindServiceConfig } = {}): IndexSession {
  const api = options.api ?? pagefindModule;
  const started = performance.now();
  const added: SearchPage[] = [];
  // If Pagefind's service process dies mid-call, its promise never settles and Node would exit
  // 0 with no index. Closing the service rejects every pending call instead.
  const onBeforeExit = (): void => void api.close();
  process.on("beforeExit", onBeforeExit);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    process.off("beforeExit", onBeforeExit);
    // Stopping the service frees the index with it. (`deleteIndex` would restart a crashed
    // service just to delete an index it never had.)
    await api.close();
  };
  const indexReady = step("start the indexer", undefined, () => api.createIndex(options.config)).then(({ index }) => {
    if (!index) throw fault("start the indexer", undefined, "no index was returned");
    return index;
  });
  // One chain of calls: each page is sent when the one before it was taken. After a failure the
  // rest are skipped, and the failure waits for `finish`.
  let chain: Promise<unknown> = indexReady;
  chain.catch(() => undefined);
  return {
    added,
    add(page) {
      added.push(page);
      chain = chain.then(async () => {
        const index = await indexReady;
        const add = index.addHTMLFile.bind(index);
        await step(`index ${page.url}`, page.inputPath, () => add({ url: page.url, content: page.content }));
      });
      chain.catch(() => undefined);
    },
    async finish(outputDir) {
      const bundleDir = path.join(outputDir, BUNDLE_DIR);
      // Written beside the live bundle and swapped in whole, so the preview never serves a mix of
      // two indexes and stale fragment files never pile up.
      const nextDir = path.join(outputDir, `.${BUNDLE_DIR}-next`);
      try {
        await chain;
        const index = await indexReady;
        await fs.rm(nextDir, { recursive: true, force: true });
        await fs.mkdir(outputDir, { recursive: true });
        const write = index.writeFiles.bind(index);
        await step(`write the index to ${bundleDir}`, undefined, () => write({ outputPath: nextDir }));
        await fs.rm(bundleDir, { recursive: true, force: true });
        await fs.rename(nextDir, bundleDir);
        return { pageCount: added.length, milliseconds: Math.round(performance.now() - started), bundleDir };
      } finally {
        await close();
        await fs.rm(nextDir, { recursive: true, force: true });
      }
    },
    async abort() {
      await close();
    },
  };
}

/** Runs one Pagefind call and turns both of its ways to fail (a throw, or `errors`) into one error. */
async function step<T extends { errors: string[] }>(what: string, file: string | undefined, call: () => Promise<T>): Promise<T> {
  let response: T;
  try {
    response = await call();
  } catch (cause) {
    throw fault(what, file, cause instanceof Error ? cause.message : String(cause), cause);
  }
  if (response.errors.length > 0) throw fault(what, file, response.errors.join("; "), response.errors);
  return response;
}

function fault(what: string, file: string | undefined, detail: string, cause?: unknown): SearchIndexError {
  return new SearchIndexError(
    {
      code: SEARCH_INDEX_FAILED,
      message: `Search index: Pagefind could not ${what}: ${detail}`,
      file,
      hint: file
        ? "Pagefind could not read this page's HTML; check the page for malformed markup, or set `search: false` to leave it out of search."
        : "This is a fault in the search step, not in a page: run the build again, and if it persists report this message.",
    },
    { cause },
  );
}
