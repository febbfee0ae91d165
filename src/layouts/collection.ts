// The slice of Eleventy's collection API the layouts use, typed, plus page summaries for listings.
import type { PageFrontMatter } from "./page-data.ts";

export interface CollectionItem {
  url: string | false;
  inputPath: string;
  data: PageFrontMatter & { page?: { url: string | false } };
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}

/** What a listing (tag page, contributor page, sidebar) shows about a page. */
export interface PageSummary {
  title: string;
  url: string;
  description?: string;
  order?: number;
}

export function summarize(item: CollectionItem): PageSummary | undefined {
  if (typeof item.url !== "string") return undefined;
  const title = typeof item.data.title === "string" ? item.data.title : item.url;
  return { title, url: item.url, description: item.data.description, order: item.data.order };
}

/** Pages that readers browse: rendered, with a URL, and not a generated listing or redirect. */
export function contentPages(api: CollectionApi): PageSummary[] {
  return api
    .getAll()
    .filter((item) => !item.data.generatedPage)
    .map(summarize)
    .filter((p): p is PageSummary => p !== undefined);
}

/** Sort by title, then URL, so the order never depends on the file system. */
export function byTitle(a: PageSummary, b: PageSummary): number {
  return a.title.localeCompare(b.title, "en") || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
