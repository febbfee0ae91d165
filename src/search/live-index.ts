// The preview's search index, kept current as pages are saved.
//
// A save is spliced into the bundle on disk (bundle-patch.ts): Pagefind indexes the saved page alone,
// and only its records are written into the bundle, 0.3 s after a save at 4,000 pages where a rewrite
// of the whole bundle took 3.8 s. What the splice does not cover (see `PagefindBundle.apply`) is
// written by Pagefind, from the index the full build handed over, open (`OpenIndex`), so nothing is
// indexed twice; without one, every page is added again (13 s of Pagefind's time at 4,000 pages).
// Pagefind replaces a record re-added under the same URL in place (`fossick_one`), so that index
// takes the pages spliced since it last wrote, then the saved ones, then rewrites the whole bundle.
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefindModule from "pagefind";
import { PagefindBundle, type BundleFile } from "./bundle-patch.ts";
import { addPage, BUNDLE_DIR, newIndex, step, type FaultWording, type OpenIndex, type PagefindApi, type PagefindIndex, filesOfPages } from "./pagefind.ts";
import type { SearchPage } from "./pages.ts";

/** How a save reached the bundle: spliced in, or written whole by Pagefind (and why). */
export type LiveUpdate = { milliseconds: number; spliced: true } | { milliseconds: number; spliced: false; reason: string };


export type LiveIndexOptions = {
  /** The served output folder; the bundle is `<outputDir>/pagefind/`. */
  outputDir: string;
  /** Default: Pagefind's real Node API (the service the build's open index runs in). */
  api?: PagefindApi;
} & (
  | {
      /** The build's own index, left open once its bundle was written: nothing to add again. */
      open: OpenIndex;
    }
  | {
      /** Every page to index, in URL order (`SearchPageSet.all()`): a new index is filled with them. */
      pages: readonly SearchPage[];
    }
);

export class LiveSearchIndex {
  readonly #close: () => Promise<unknown>;
  readonly #outputDir: string;
  readonly #index: Promise<PagefindIndex>;
  readonly #api: PagefindApi;
  /** The bundle on disk, decoded for splicing, or why it can't be spliced. */
  #bundle: Promise<PagefindBundle | string> = Promise.resolve("the bundle is being written for the first time");
  /** Pages spliced into the bundle since Pagefind's own index last wrote it: that index lacks them. */
  readonly #spliced = new Map<string, SearchPage>();
  /** Calls to Pagefind in order: a page is replaced only after every earlier call has finished. */
  #chain: Promise<unknown>;
  #closed = false;

  constructor(options: LiveIndexOptions) {
    this.#outputDir = options.outputDir;
    const api = (this.#api = options.api ?? pagefindModule);
    if ("open" in options) {
      const { open } = options;
      this.#close = () => open.close();
      this.#index = Promise.resolve(open.index);
      // The build wrote the bundle: read it for splicing before the first save.
      this.#chain = this.#index.then(() => this.#load());
      return;
    }
    this.#close = () => api.close();
    this.#index = newIndex(api, "start the indexer", undefined, PREVIEW);
    // Added in URL order, so the same pages give the same index.
    this.#chain = this.#index.then(async (index) => {
      for (const page of options.pages) await addPage(index, page, PREVIEW);
    });
    this.#chain.catch(() => undefined);
  }

  /** Replace the records of these pages in the bundle. Resolves with how long it took, and how. */
  update(pages: readonly SearchPage[]): Promise<LiveUpdate> {
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    // A saved page left out of search (its `search: false` unchanged) changes nothing in the index.
    if (pages.length === 0) return Promise.resolve({ milliseconds: 0, spliced: true });
    const next = this.#chain.then(async (): Promise<LiveUpdate> => {
      const index = await this.#index;
      const bundle = await this.#bundle;
      let reason = typeof bundle === "string" ? bundle : "";
      if (typeof bundle !== "string" && !this.#closed) {
        const outcome = await bundle.apply(await this.#scratch(pages));
        if (outcome.patched) {
          for (const page of pages) this.#spliced.set(page.url, page);
          return { milliseconds: took(), spliced: true };
        }
        reason = outcome.reason;
      }
      // Pagefind writes the whole bundle: its index first takes what was spliced since it last wrote.
      const replaced = new Map([...this.#spliced, ...pages.map((page) => [page.url, page] as const)]);
      for (const page of replaced.values()) await addPage(index, page, PREVIEW);
      this.#spliced.clear();
      await this.#write(index);
      const milliseconds = took();
      await this.#load();
      return { milliseconds, spliced: false, reason };
    });
    this.#chain = next.catch(() => undefined);
    return next;
  }

  /** The saved pages indexed by Pagefind on their own, as files: what is spliced into the bundle. */
  async #scratch(pages: readonly SearchPage[]): Promise<BundleFile[]> {
    const index = await newIndex(this.#api, "start a scratch index", undefined, PREVIEW);
    try {
      return await filesOfPages(index, pages, PREVIEW);
    } finally {
      await index.deleteIndex().catch(() => undefined);
    }
  }

  /** Read the bundle on disk for splicing; a bundle that can't be spliced is noted, and Pagefind writes the next save. */
  async #load(): Promise<void> {
    if (this.#closed) return;
    this.#bundle = PagefindBundle.load(path.join(this.#outputDir, BUNDLE_DIR)).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    await this.#bundle;
  }

  /** Stop Pagefind's service (which frees the index), after the call in progress. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#close();
  }

  // Written beside the live bundle and swapped in whole, as the build does, so a reader never loads a
  // mix of two indexes.
  async #write(index: PagefindIndex): Promise<void> {
    if (this.#closed) return;
    const bundleDir = path.join(this.#outputDir, BUNDLE_DIR);
    const nextDir = path.join(this.#outputDir, `.${BUNDLE_DIR}-live`);
    await fs.rm(nextDir, { recursive: true, force: true });
    try {
      await step(`write the index to ${bundleDir}`, undefined, () => index.writeFiles({ outputPath: nextDir }), PREVIEW);
      if (this.#closed) return;
      await fs.rm(bundleDir, { recursive: true, force: true });
      await fs.rename(nextDir, bundleDir);
    } finally {
      await fs.rm(nextDir, { recursive: true, force: true });
    }
  }
}

const PREVIEW: FaultWording = {
  label: "Search index (preview)",
  hint: "The preview's search is stale until the next full rebuild; save a layout or restart the preview.",
};
