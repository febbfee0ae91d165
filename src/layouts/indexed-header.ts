// The parts of a page's header that search indexes: the title (each result's title), the status
// badges (indexed text) and the hidden filter markers (tag, plan, beta).
//
// Why TypeScript and not the Nunjucks partial: the search stage indexes each page while Eleventy is
// still rendering Markdown, long before any layout runs (src/search/early-documents.ts). It needs
// this markup then, from the page's data alone. Rendering it here, for both the layout
// (`{% indexedHeading %}` and `{% searchFilters %}` in partials/page-header.njk) and the search
// document, keeps the two the same by construction.
import { escapeHtml } from "./escape.ts";
import { asList, type PageFlags } from "./page-data.ts";
import { includedTiers, TIER_LABELS } from "./plans.ts";

/** The front matter fields this header reads, as Eleventy hands them over (unvalidated types). */
export interface IndexedHeaderData {
  title?: unknown;
  flags?: PageFlags | null;
  tags?: string[] | string | null;
}

const BADGES = [
  ["beta", "Beta"],
  ["alpha", "Alpha"],
  ["admin", "Admin"],
] as const;

/** The page's `<h1>` (Pagefind's result title) and its Beta/Alpha/Admin badges. */
export function indexedHeading(data: IndexedHeaderData): string {
  const title = data.title === undefined || data.title === null ? "" : escapeHtml(String(data.title));
  let html = `<h1 class="page-title" data-pagefind-meta="title">${title}</h1>`;
  const badges = BADGES.filter(([flag]) => data.flags?.[flag]);
  if (badges.length > 0) {
    html += `\n<p class="badges"><span class="visually-hidden">Status:</span>`;
    for (const [flag, label] of badges) html += ` <span class="badge badge--${flag}">${label}</span>`;
    html += "\n</p>";
  }
  return html;
}

/**
 * Hidden markers inside `<main>` that Pagefind turns into its tag, plan and beta filters. They sit in a
 * `data-pagefind-ignore` box: Pagefind still reads filters there, but not their text, which it would
 * otherwise index as the page's words and show in excerpts ("Community Pro Enterprise" on every page).
 */
export function searchFilters(data: IndexedHeaderData): string {
  const lines: string[] = [];
  for (const name of asList(data.tags)) lines.push(`<span data-pagefind-filter="tag" hidden>${escapeHtml(name)}</span>`);
  for (const tier of includedTiers(data.flags?.["logzio-plan"])) lines.push(`<span data-pagefind-filter="plan" hidden>${escapeHtml(TIER_LABELS[tier])}</span>`);
  if (data.flags?.beta) lines.push(`<span data-pagefind-filter="beta" hidden>Beta</span>`);
  if (lines.length === 0) return "";
  return `\n<div data-pagefind-ignore hidden>${lines.map((line) => `\n${line}`).join("")}\n</div>`;
}
