// Redirects from `redirect_from`: one HTML page per old URL, plus the entries of the `_redirects` file.
import type { CollectionApi } from "./collection.ts";
import { asList } from "./page-data.ts";
import { outputFileFor } from "../content/permalink.ts";

export interface Redirect {
  /** The old URL, as the writer gave it (with a leading `/`). */
  from: string;
  /** Where the old URL's HTML redirect page is written (an Eleventy permalink). */
  output: string;
  /** The page's current URL. */
  to: string;
  title: string;
}

/** `/a/b/` → `/a/b/index.html`; `/a/b.html` as is; `/a/b` → `/a/b.html` (served at `/a/b`), as for permalinks. */
export function redirectOutputPath(from: string): string {
  return `/${outputFileFor(from.startsWith("/") ? from : `/${from}`)}`;
}

export function collectRedirects(api: CollectionApi): Redirect[] {
  const redirects = new Map<string, Redirect>();
  for (const item of api.getAll()) {
    if (typeof item.url !== "string" || item.data.generatedPage) continue;
    for (const raw of asList(item.data.redirect_from)) {
      const from = raw.startsWith("/") ? raw : `/${raw}`;
      // Two pages claiming one old URL: the duplicate output path is reported by the build.
      if (!redirects.has(from)) {
        redirects.set(from, { from, output: redirectOutputPath(from), to: item.url, title: item.data.title ?? item.url });
      }
    }
  }
  return [...redirects.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
