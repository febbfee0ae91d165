// Search documents made from each page's rendered Markdown, so Pagefind does not wait for the written
// pages.
//
// Why: Eleventy renders every page's Markdown, then every page's layout, and only then writes any
// file, so indexing the written pages could only start after all rendering. For our article and
// default layouts, the part of a page Pagefind reads (`<main data-pagefind-body>`, minus
// `data-pagefind-ignore` regions) is only the indexed header (src/layouts/indexed-header.ts, from the
// page's data) and the rendered Markdown. So as each page's Markdown renders, this makes a small
// document of exactly those parts, and Pagefind gives it the same record as the written page
// (tests/search/early-documents.test.ts compares the fragments). Pages with any other layout (home,
// listings, a Jekyll project's own) are indexed from their written files, as before.
//
// Pagefind numbers pages in the order it is given them, so the order must be a function of the input.
// The build fixes Eleventy's render order (src/build/render-order.ts), and then each document is
// handed over as its page renders, so Pagefind indexes on the other core while Eleventy renders.
// Where that order could not be fixed, documents are handed over in URL order instead: each waits
// until every page before it in that order has been handed over, which in practice is when the
// Markdown phase ends (BENCHMARKS.md, session 11).
//
// When the documents are every page the search stage will index (no page of another layout is read
// from its file), the last one completes the index before any layout renders: the search stage then
// has Pagefind write its bundle on the other core while the layouts render, instead of after them
// (`open`'s `complete`, `takeHold`; BENCHMARKS.md, session 13). The end of the build checks that no
// page came after it, or writes the bundle again.
import { escapeHtml } from "../layouts/escape.ts";
import { indexedHeading, searchFilters, type IndexedHeaderData } from "../layouts/indexed-header.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import type { SearchPage } from "./pages.ts";

/** Our layouts whose searchable part is the indexed header followed by the content (article.njk, default.njk). */
const CONTENT_LAYOUTS = new Set(["article", "article.njk", "default", "default.njk"]);

/** The page data Eleventy passes to markdown-it as `env` when it renders a page's content. */
export interface RenderEnv extends IndexedHeaderData {
  page?: PageInfo;
  layout?: unknown;
  search?: unknown;
  site?: { language?: unknown };
  collections?: { all?: unknown };
}

interface PageInfo {
  url?: unknown;
  inputPath?: unknown;
  outputPath?: unknown;
}

/** Whether a page with this data gets a search document when its Markdown renders. */
function documented(page: PageInfo | undefined, data: { layout?: unknown; search?: unknown } | undefined): page is { url: string; inputPath: string; outputPath: string } {
  if (!page || !data || typeof page.url !== "string" || typeof page.inputPath !== "string") return false;
  if (typeof page.outputPath !== "string" || !page.outputPath.endsWith(".html")) return false;
  return data.search !== false && typeof data.layout === "string" && CONTENT_LAYOUTS.has(data.layout);
}

/** The search document for a page whose Markdown just rendered to `content`, or undefined if its layout is not one we can stand in for. */
export function searchDocument(env: RenderEnv | undefined, content: string): SearchPage | undefined {
  const page = env?.page;
  if (!documented(page, env)) return undefined;
  const lang = typeof env!.site?.language === "string" ? env!.site.language : "en";
  const html =
    `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><title></title></head><body>` +
    `<main data-pagefind-body>${indexedHeading(env!)}${searchFilters(env!)}\n${content}</main></body></html>`;
  return { url: page.url, content: html, inputPath: displayPath(page.inputPath), outputPath: page.outputPath };
}

/**
 * The URLs, in order, of the Markdown pages in `collections.all` that will get a search document:
 * the order documents are handed over in.
 */
function expectedOrder(all: unknown): string[] {
  if (!Array.isArray(all)) return [];
  const urls: string[] = [];
  for (const item of all as { url?: unknown; inputPath?: unknown; outputPath?: unknown; data?: { layout?: unknown; search?: unknown } }[]) {
    if (typeof item.inputPath === "string" && item.inputPath.endsWith(".md") && documented(item, item.data)) urls.push(item.url as string);
  }
  return urls.sort(byCodeUnits);
}

/** Whether an item of `collections.all` is a page the search stage will index (as SearchPageSet decides). */
function searchable(item: { url?: unknown; outputPath?: unknown; data?: { search?: unknown } }): boolean {
  return typeof item.url === "string" && typeof item.outputPath === "string" && item.outputPath.endsWith(".html") && item.data?.search !== false;
}

export interface EarlyDocumentsOptions {
  /**
   * Whether this build renders its pages in an order fixed by the input (asked when a build starts):
   * then each document is handed over as its page renders. Default: never.
   */
  renderOrderFixed?: () => boolean;
}

/**
 * The documents of one build, handed to `sink` as their pages render: at once when the render order
 * is fixed, else in URL order. For URL order, the first page to render brings the whole list of
 * pages (`collections.all`), from which the order is known; a document is held until every expected
 * page before it has been handed over. Anything still held (a page that did not render through
 * Markdown after all) or not expected (a page left out of collections) is handed over by `settle`,
 * also in URL order, so the same input always gives the same index.
 *
 * `settle` then says which pages are indexed already; a page rendered twice in one build (which
 * Eleventy does not do today) marks the whole set unusable rather than risk a stale record.
 */
export class EarlyDocuments {
  readonly #renderOrderFixed: () => boolean;
  #sink: ((doc: SearchPage) => void) | undefined;
  /** This build hands documents over as they render. */
  #asRendered = false;
  /** URL → the rendered content its document was made from. */
  #rendered = new Map<string, string>();
  /** Documents not handed over yet, by URL. */
  #held = new Map<string, SearchPage>();
  #order: string[] | undefined;
  /** The next URL in `#order` to hand over. */
  #next = 0;
  #conflict = false;
  /** Called once every page to be indexed has been handed over; what it returns holds the Markdown phase (`takeHold`). */
  #complete: (() => Promise<unknown>) | undefined;
  /** The URLs documents are expected for, when they are every page the search stage will index; else undefined. */
  #expected: Set<string> | undefined;
  #handedOver = 0;
  #hold: Promise<unknown> | undefined;

  constructor(options: EarlyDocumentsOptions = {}) {
    this.#renderOrderFixed = options.renderOrderFixed ?? (() => false);
  }

  /**
   * Start a build: documents go to `sink` from now on. `complete` is called once the documents
   * handed over are every page the search stage will index (as `collections.all` lists them), so the
   * index can be written while the layouts render; what it returns is what `takeHold` gives.
   */
  open(sink: (doc: SearchPage) => void, options: { complete?: () => Promise<unknown> } = {}): void {
    this.#reset(sink);
    this.#asRendered = this.#renderOrderFixed();
    this.#complete = options.complete;
  }

  /**
   * What the page that just rendered must wait for before the next one renders, once: set when its
   * document completed the set (see `open`). The Markdown renderer waits for it, so the layouts
   * start only once the index is being written.
   */
  takeHold(): Promise<unknown> | undefined {
    const hold = this.#hold;
    this.#hold = undefined;
    return hold;
  }

  /** Called with every page's rendered Markdown and its page data. */
  rendered(content: string, env: unknown): void {
    if (!this.#sink) return;
    const data = env as RenderEnv | undefined;
    const doc = searchDocument(data, content);
    if (!doc) return;
    if (this.#rendered.has(doc.url)) {
      this.#conflict = true;
      return;
    }
    this.#rendered.set(doc.url, content);
    this.#order ??= expectedOrder(data?.collections?.all);
    this.#expected ??= this.#complete ? coveredPages(this.#order, data?.collections?.all) : undefined;
    if (this.#asRendered) this.#handOver(doc);
    else {
      this.#held.set(doc.url, doc);
      this.#release();
    }
  }

  /**
   * Hand over what is still held, stop taking documents, and check them against the finished pages:
   * each page must be among them and hold the content its document was made from. Returns the URLs
   * indexed already, or undefined when any check fails (the caller then indexes every page from its
   * written file).
   */
  settle(finished: ReadonlyMap<string, string>): Set<string> | undefined {
    const sink = this.#sink;
    if (sink) for (const url of [...this.#held.keys()].sort(byCodeUnits)) sink(this.#held.get(url)!);
    const rendered = this.#rendered;
    const usable = !this.#conflict && [...rendered].every(([url, content]) => holds(finished.get(url), content));
    this.#reset(undefined);
    return usable ? new Set(rendered.keys()) : undefined;
  }

  #reset(sink: ((doc: SearchPage) => void) | undefined): void {
    this.#sink = sink;
    this.#rendered = new Map();
    this.#held = new Map();
    this.#order = undefined;
    this.#next = 0;
    this.#conflict = false;
    this.#complete = undefined;
    this.#expected = undefined;
    this.#handedOver = 0;
    this.#hold = undefined;
  }

  #release(): void {
    const order = this.#order ?? [];
    while (this.#next < order.length && this.#held.has(order[this.#next]!)) {
      const url = order[this.#next++]!;
      const doc = this.#held.get(url)!;
      this.#held.delete(url);
      this.#handOver(doc);
    }
  }

  #handOver(doc: SearchPage): void {
    this.#sink!(doc);
    if (this.#expected?.has(doc.url)) this.#handedOver++;
    // Every expected page has rendered (a URL renders once, or the set is unusable anyway).
    if (this.#complete && this.#expected && this.#handedOver === this.#expected.size && !this.#conflict) {
      const complete = this.#complete;
      this.#complete = undefined;
      this.#hold = complete();
    }
  }
}

/**
 * Whether `html` holds `content` whole inside its `data-pagefind-body` element (where the search
 * document puts it): its first 256 characters after that marker, and its last 256 exactly where
 * `content` would end. This stands for `html.includes(content)`, which took 0.5 s over 4,000 pages,
 * on the thread Pagefind then waits for; what it guards against (a layout that does not print the
 * rendered Markdown as it is) changes where the content ends, or its start. Searching from the
 * marker skips the page's head and sidebar (0.4 s at 4,000 pages when searched from the start).
 */
function holds(html: string | undefined, content: string): boolean {
  if (html === undefined) return false;
  const body = html.indexOf("data-pagefind-body");
  if (body < 0) return false;
  const edge = Math.min(256, content.length);
  const head = content.slice(0, edge);
  const tail = content.slice(content.length - edge);
  for (let at = html.indexOf(head, body); at >= 0; at = html.indexOf(head, at + 1)) {
    if (html.startsWith(tail, at + content.length - edge)) return true;
  }
  return false;
}

/**
 * The URLs of `order` (the pages that get documents), if they are every page of `collections.all`
 * the search stage will index; else undefined: some page will be read from its written file, so the
 * index cannot be written before the layouts.
 */
function coveredPages(order: readonly string[], all: unknown): Set<string> | undefined {
  if (!Array.isArray(all) || order.length === 0) return undefined;
  const expected = new Set(order);
  for (const item of all as { url?: unknown; outputPath?: unknown; data?: { search?: unknown } }[]) {
    if (searchable(item) && !expected.has(item.url as string)) return undefined;
  }
  return expected;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
