// The preview's search index, kept open between saves: a saved page replaces its own record, then the bundle is rewritten.
//
// The full build hands over its own index, open (`OpenIndex`), so nothing is indexed twice; without
// one, every page is added again (13 s of Pagefind's time at 4,000 pages). Pagefind replaces a record
// re-added under the same URL in place (`fossick_one`; also one the build added from a folder), so
// after a save only the write remains (about 4 s at 4,000 pages: Pagefind rewrites the whole bundle).
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefindModule from "pagefind";
import { BUNDLE_DIR, fault, step, type FaultWording, type OpenIndex, type PagefindApi, type PagefindIndex } from "./pagefind.ts";
import type { SearchPage } from "./pages.ts";


export type LiveIndexOptions = {
  /** The served output folder; the bundle is `<outputDir>/pagefind/`. */
  outputDir: string;
} & (
  | {
      /** The build's own index, left open once its bundle was written: nothing to add again. */
      open: OpenIndex;
    }
  | {
      /** Every page to index, in URL order (`SearchPageSet.all()`): a new index is filled with them. */
      pages: readonly SearchPage[];
      /** Default: Pagefind's real Node API. */
      api?: PagefindApi;
    }
);

export class LiveSearchIndex {
  readonly #close: () => Promise<unknown>;
  readonly #outputDir: string;
  readonly #index: Promise<PagefindIndex>;
  /** Calls to Pagefind in order: a page is replaced only after every earlier call has finished. */
  #chain: Promise<unknown>;
  #closed = false;

  constructor(options: LiveIndexOptions) {
    this.#outputDir = options.outputDir;
    if ("open" in options) {
      const { open } = options;
      this.#close = () => open.close();
      this.#index = Promise.resolve(open.index);
      this.#chain = this.#index;
      return;
    }
    const api = options.api ?? pagefindModule;
    this.#close = () => api.close();
    this.#index = api.createIndex().then(({ index, errors }) => {
      if (!index) throw fault("start the indexer", undefined, errors.join("; ") || "no index was returned", undefined, PREVIEW);
      return index;
    });
    // Added in URL order, so the same pages give the same index.
    this.#chain = this.#index.then(async (index) => {
      for (const page of options.pages) await step(`index ${page.url}`, page.inputPath, () => index.addHTMLFile({ url: page.url, content: page.content }), PREVIEW);
    });
    this.#chain.catch(() => undefined);
  }

  /** Replace the records of these pages and rewrite the bundle. Resolves with how long it took. */
  update(pages: readonly SearchPage[]): Promise<number> {
    // A saved page left out of search (its `search: false` unchanged) changes nothing in the index.
    if (pages.length === 0) return Promise.resolve(0);
    const started = performance.now();
    const next = this.#chain.then(async () => {
      const index = await this.#index;
      for (const page of pages) await step(`index ${page.url}`, page.inputPath, () => index.addHTMLFile({ url: page.url, content: page.content }), PREVIEW);
      await this.#write(index);
      return Math.round(performance.now() - started);
    });
    this.#chain = next.catch(() => undefined);
    return next;
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
