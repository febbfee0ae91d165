// Query a built Pagefind index from Node, without a browser: loads `<site>/pagefind/pagefind.js`
// as an ES module and serves its `fetch` calls for `file:` URLs from the site folder.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A sub-result: one heading of the page, when the heading has an id. */
export interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { element: string; id: string; text: string };
  excerpt: string;
}

/** What `result.data()` resolves to (the fields tests use). */
export interface PagefindResultData {
  url: string;
  raw_url?: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export type PagefindFilters = Record<string, string | string[]>;

export interface NodePagefind {
  /** Every result for `term`, with its data loaded, best first. */
  search(term: string, options?: { filters?: PagefindFilters }): Promise<PagefindResultData[]>;
  /** Every result for `term` with its score, best first. */
  scored(term: string, options?: { filters?: PagefindFilters }): Promise<{ url: string; score: number; excerpt: string }[]>;
  /** Every filter and value in the index, with page counts. */
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindModule {
  options(o: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: PagefindFilters }): Promise<{ results: { score: number; data(): Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

// Node's fetch has no `file:` support; Pagefind fetches its chunks relative to its own module URL.
const servedRoots = new Set<string>();
let loads = 0;

function installFileFetch(): void {
  if (servedRoots.size > 0) return;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!href.startsWith("file:")) return networkFetch(input, init);
    const file = fileURLToPath(new URL(href).href.replace(/[?#].*$/, ""));
    if (![...servedRoots].some((root) => file.startsWith(root + path.sep))) {
      return new Response("outside the served site", { status: 403 });
    }
    try {
      return new Response(await fs.readFile(file));
    } catch {
      return new Response("not found", { status: 404 });
    }
  };
}

export async function loadPagefind(siteDir: string): Promise<NodePagefind> {
  const bundle = path.resolve(siteDir, "pagefind");
  installFileFetch();
  servedRoots.add(bundle);
  // A distinct URL per load gives each site (or each rebuild) its own module instance and state.
  const href = `${pathToFileURL(path.join(bundle, "pagefind.js")).href}?load=${++loads}`;
  const pf = (await import(/* @vite-ignore */ href)) as PagefindModule;
  // Result URLs are the site-relative ones the index stores, not prefixed by the module's location.
  await pf.options({ baseUrl: "/" });
  await pf.init();
  return {
    async search(term, options) {
      const response = await pf.search(term, options);
      if (!response) throw new Error(`Pagefind returned no response for "${term}"`);
      return Promise.all(response.results.map((r) => r.data()));
    },
    async scored(term, options) {
      const response = await pf.search(term, options);
      if (!response) throw new Error(`Pagefind returned no response for "${term}"`);
      return Promise.all(response.results.map(async (r) => ({ score: r.score, ...pick(await r.data()) })));
    },
    filters: () => pf.filters(),
  };
}

function pick(data: PagefindResultData): { url: string; excerpt: string } {
  return { url: data.url, excerpt: data.excerpt };
}
