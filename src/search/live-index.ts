// The preview's search index, kept open between saves: a saved page replaces its own record, then the bundle is rewritten.
//
// The full build hands over its own index, open (`OpenIndex`), so nothing is indexed twice; without
// one, every page is added again (13 s of Pagefind's time at 4,000 pages). Pagefind replaces a record
// re-added under the same URL in place (`fossick_one`; also one the build added from a folder), so
// after a save only the write remains. Pagefind rewrites a whole bundle, so the preview's build
// splits a large site's index into shards (src/search/shards.ts) and a save rewrites only its own.
import path from "node:path";
import * as pagefindModule from "pagefind";
import { fault, SearchIndexError, step, writeBundle, type FaultWording, type OpenIndex, type PagefindApi, type PagefindIndex } from "./pagefind.ts";
import { ShardBundles, shardOf } from "./shards.ts";
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
  /** One index per shard (src/search/shards.ts), and where their bundles are. */
  readonly #shards: Promise<PagefindIndex[]>;
  readonly #bundles: ShardBundles;
  /** Calls to Pagefind in order: a page is replaced only after every earlier call has finished. */
  #chain: Promise<unknown>;
  #closed = false;

  constructor(options: LiveIndexOptions) {
    this.#outputDir = options.outputDir;
    if ("open" in options) {
      const { open } = options;
      this.#close = () => open.close();
      this.#bundles = open.bundles;
      this.#shards = Promise.resolve(open.shards);
      this.#chain = this.#shards;
      return;
    }
    // One bundle, as the build writes without shards: this is the path when the build left no index open.
    const api = options.api ?? pagefindModule;
    this.#close = () => api.close();
    this.#bundles = ShardBundles.single();
    this.#shards = api.createIndex().then(({ index, errors }) => {
      if (!index) throw fault("start the indexer", undefined, errors.join("; ") || "no index was returned", undefined, PREVIEW);
      return [index];
    });
    // Added in URL order, as the build adds them, so the same pages give the same index.
    this.#chain = this.#shards.then(async ([index]) => {
      for (const page of options.pages) await addPage(index!, page);
    });
    this.#chain.catch(() => undefined);
  }

  /** The bundles the search merges into the first (`pagefind/`), site-relative: one per shard after the first. */
  get mergedBundles(): string[] {
    return this.#bundles.merged();
  }

  /**
   * Replace the records of these pages and rewrite the bundles of their shards (only those).
   * Resolves with how long it took.
   */
  update(pages: readonly SearchPage[]): Promise<number> {
    // A saved page left out of search (its `search: false` unchanged) changes nothing in the index.
    if (pages.length === 0) return Promise.resolve(0);
    const started = performance.now();
    const next = this.#chain.then(async () => {
      const shards = await this.#shards;
      const touched = new Set<number>();
      for (const page of pages) {
        const n = shardOf(page.url, this.#bundles.count);
        touched.add(n);
        await addPage(shards[n]!, page);
      }
      for (const n of [...touched].sort((a, b) => a - b)) {
        if (this.#closed) break;
        await this.#bundles.rewrite(this.#outputDir, n, (m, dir) => writeBundle(shards[m]!, path.join(this.#outputDir, dir), PREVIEW)).catch((error: unknown) => {
          if (error instanceof SearchIndexError) throw error;
          throw fault(`write the index of shard ${n}`, undefined, error instanceof Error ? error.message : String(error), error, PREVIEW);
        });
      }
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
}

function addPage(index: PagefindIndex, page: SearchPage) {
  return step(`index ${page.url}`, page.inputPath, () => index.addHTMLFile({ url: page.url, content: page.content }), PREVIEW);
}

const PREVIEW: FaultWording = {
  label: "Search index (preview)",
  hint: "The preview's search is stale until the next full rebuild; save a layout or restart the preview.",
};
