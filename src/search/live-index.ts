// The preview's search: the build's index kept open between saves, plus a small bundle of the saved pages.
//
// The full build hands over its own index, open (`OpenIndex`), so nothing is indexed twice; without
// one, every page is added again (13 s of Pagefind's time at 4,000 pages). A saved page goes into the
// edits bundle (edits-bundle.ts), which the preview's search merges in: that is searchable within
// tens of milliseconds. The main bundle can only be rewritten whole (about 4 s at 4,000 pages), so
// it is rewritten once per saved page, to drop that page's old record (Pagefind replaces a record
// re-added under the same URL in place; a record with no `data-pagefind-body` leaves the index).
// Until that write is done, the page's old version is found too. Saving the page again touches only
// the edits bundle.
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefindModule from "pagefind";
import { writeEditsBundle, pathShaped, type EditedPage } from "./edits-bundle.ts";
import { BUNDLE_DIR, fault, step, type FaultWording, type OpenIndex, type PagefindApi, type PagefindIndex } from "./pagefind.ts";
import type { SearchPage } from "./pages.ts";

/** One save's search update: two writes that run independently. */
export interface LiveUpdate {
  /** The saved pages are searchable (the edits bundle is written): resolves with the milliseconds taken. */
  edits: Promise<number>;
  /** The main bundle no longer holds their old records (and every earlier update's write is done). */
  main: Promise<void>;
}

/** What a page's record in the main index becomes once the edits bundle holds the page: nothing Pagefind indexes. */
const DROPPED = "<!DOCTYPE html><html><head><title></title></head><body></body></html>";


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
  /** Every page saved since the full build, latest version, by URL: the edits bundle's pages. */
  readonly #edits = new Map<string, EditedPage>();
  /** URLs whose main-index record has been dropped (or is being). */
  readonly #dropped = new Set<string>();
  /** Pages the main index was filled with: the last one is never dropped (see `update`). */
  readonly #mainPages: number;
  /** Edits bundle writes in order; separate from `#chain`, so a save never waits for a main write. */
  #editsChain: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: LiveIndexOptions) {
    this.#outputDir = options.outputDir;
    if ("open" in options) {
      const { open } = options;
      this.#mainPages = open.pages;
      this.#close = () => open.close();
      this.#index = Promise.resolve(open.index);
      this.#chain = this.#index;
      return;
    }
    const api = options.api ?? pagefindModule;
    this.#mainPages = options.pages.length;
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

  /**
   * Make these saved pages' new versions searchable: into the edits bundle now, and out of the main
   * bundle (once per page). Two kinds of page have their main record replaced instead, as one full
   * write: a page whose URL its file path does not give (`pathShaped`), which can't go in the edits
   * bundle; and the page whose record would be the main index's last, since Pagefind writes no
   * index for no pages and the search would then fail to load.
   */
  update(pages: readonly SearchPage[]): LiveUpdate {
    const main: SearchPage[] = [];
    let edited = false;
    for (const page of pages) {
      // The live edit gives `outputPath` relative to the served folder (live-edit.ts).
      const edit = { url: page.url, outputFile: page.outputPath ?? "", content: page.content };
      const last = !this.#dropped.has(page.url) && this.#dropped.size + 1 >= this.#mainPages;
      if (!edit.outputFile || path.isAbsolute(edit.outputFile) || !pathShaped(edit) || last) {
        main.push(page);
        continue;
      }
      this.#edits.set(page.url, edit);
      edited = true;
      if (!this.#dropped.has(page.url)) {
        this.#dropped.add(page.url);
        main.push({ ...page, content: DROPPED });
      }
    }
    const edits = edited ? this.#writeEdits() : Promise.resolve(0);
    // With nothing to replace, still the chain: `main` says every earlier write is done too.
    const next = this.#chain.then(async () => {
      if (main.length === 0) return;
      const index = await this.#index;
      for (const page of main) await step(`index ${page.url}`, page.inputPath, () => index.addHTMLFile({ url: page.url, content: page.content }), PREVIEW);
      await this.#write(index);
    });
    this.#chain = next.catch(() => undefined);
    return { edits, main: next };
  }

  /** The edits bundle, written again with every saved page (they are few). */
  #writeEdits(): Promise<number> {
    const pages = [...this.#edits.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const next = this.#editsChain.then(() => (this.#closed ? 0 : writeEditsBundle(pages, { outputDir: this.#outputDir, wording: PREVIEW })));
    this.#editsChain = next.catch(() => undefined);
    return next;
  }

  /** Stop Pagefind's service (which frees the index), after the call in progress. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // An edits bundle being written lands in the served folder: let it, before a build replaces that folder.
    await this.#editsChain;
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
