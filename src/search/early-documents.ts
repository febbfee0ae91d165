// Search documents made while pages render, so Pagefind indexes on the second core during rendering.
//
// Why: Eleventy renders every page's Markdown, then every page's layout, and only then writes any
// file. Indexing the written pages therefore starts after all rendering, and at 4,000 pages it was a
// 9–13 s tail on its own (BENCHMARKS.md). But for our article and default layouts, the part of a page
// Pagefind reads (`<main data-pagefind-body>`, minus `data-pagefind-ignore` regions) is only the
// indexed header (src/layouts/indexed-header.ts, from the page's data) and the rendered Markdown. So
// as each page's Markdown renders, this makes a small document of exactly those parts; Pagefind gives
// it the same record as the written page (tests/search/early-documents.test.ts compares the bundles).
// Pages with any other layout (home, listings, a Jekyll project's own) are indexed from their
// written files, as before.
import { indexedHeading, searchFilters, type IndexedHeaderData } from "../layouts/indexed-header.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import type { SearchPage } from "./pages.ts";

/** Our layouts whose searchable part is the indexed header followed by the content (article.njk, default.njk). */
const CONTENT_LAYOUTS = new Set(["article", "article.njk", "default", "default.njk"]);

/** The page data Eleventy passes to markdown-it as `env` when it renders a page's content. */
export interface RenderEnv extends IndexedHeaderData {
  page?: { url?: unknown; inputPath?: unknown; outputPath?: unknown };
  layout?: unknown;
  search?: unknown;
  site?: { language?: unknown };
}

/** The search document for a page whose Markdown just rendered to `content`, or undefined if its layout is not one we can stand in for. */
export function searchDocument(env: RenderEnv | undefined, content: string): SearchPage | undefined {
  const page = env?.page;
  if (!env || !page || typeof page.url !== "string" || typeof page.inputPath !== "string") return undefined;
  if (typeof page.outputPath !== "string" || !page.outputPath.endsWith(".html")) return undefined;
  if (env.search === false || typeof env.layout !== "string" || !CONTENT_LAYOUTS.has(env.layout)) return undefined;
  const lang = typeof env.site?.language === "string" ? env.site.language : "en";
  const html =
    `<!DOCTYPE html><html lang="${escapeAttr(lang)}"><head><title></title></head><body>` +
    `<main data-pagefind-body>${indexedHeading(env)}${searchFilters(env)}\n${content}</main></body></html>`;
  return { url: page.url, content: html, inputPath: displayPath(page.inputPath), outputPath: page.outputPath };
}

/**
 * The documents of one build, handed to `sink` as their pages render. `settle` then says which pages
 * are indexed already; a page rendered twice in one build (which Eleventy does not do today) marks
 * the whole set unusable rather than risk a stale record.
 */
export class EarlyDocuments {
  #sink: ((doc: SearchPage) => void) | undefined;
  /** URL → the rendered content its document was made from. */
  #sent = new Map<string, string>();
  #conflict = false;

  /** Start a build: documents go to `sink` from now on. */
  open(sink: (doc: SearchPage) => void): void {
    this.#sink = sink;
    this.#sent = new Map();
    this.#conflict = false;
  }

  /** Called with every page's rendered Markdown and its page data. */
  rendered(content: string, env: unknown): void {
    if (!this.#sink) return;
    const doc = searchDocument(env as RenderEnv | undefined, content);
    if (!doc) return;
    if (this.#sent.has(doc.url)) {
      this.#conflict = true;
      return;
    }
    this.#sent.set(doc.url, content);
    this.#sink(doc);
  }

  /**
   * Stop taking documents and check them against the finished pages: each page sent must be among
   * them and hold the content its document was made from. Returns the URLs indexed already, or
   * undefined when any check fails (the caller then indexes every page from its written file).
   */
  settle(finished: ReadonlyMap<string, string>): Set<string> | undefined {
    const sent = this.#sent;
    const usable = !this.#conflict && [...sent].every(([url, content]) => finished.get(url)?.includes(content) === true);
    this.#sink = undefined;
    this.#sent = new Map();
    this.#conflict = false;
    return usable ? new Set(sent.keys()) : undefined;
  }
}

function escapeAttr(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
