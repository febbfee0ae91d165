// The build's heap limit, sized to the site: V8 otherwise lets garbage pile up to gigabytes.
//
// With Node's default limit (a quarter of the machine's memory, up to 4 GB) V8 grows the heap
// lazily: a 4,000-page build peaked at 1.25 GB of RSS while its live data stayed under 600 MB
// (it still builds with a 600 MB limit; 400 MB runs out). A limit that follows the site's size keeps
// the peak near what the build really holds, at no cost in time (BENCHMARKS.md). A forced GC
// does not help: V8 keeps the pages it has committed.
import { walkFiles } from "./walk.ts";

/**
 * What a page keeps alive until the build ends is about 150 KB: Eleventy holds every page's final
 * HTML (two-byte strings once a page has a curly quote) and its content for `eleventy.after`. The
 * limit follows that, plus room for the build itself: 4,000 pages get 920 MB (they build in 600
 * MB; 400 MB runs out), 20,000 pages 3.5 GB. A tighter limit at 20,000 pages made V8 collect
 * garbage near its limit for the whole build. The process's peak is 60–90 MB above the limit:
 * the search stage's messages to Pagefind are encoded into buffers outside V8's heap.
 */
const BASE_MB = 280;
const PER_PAGE_MB = 0.16;

export function heapLimitMb(pages: number): number {
  return Math.ceil(BASE_MB + PER_PAGE_MB * pages);
}

const PAGE = /\.(md|markdown|html|njk|liquid)$/i;

/** Page sources under `dir` (what the build renders), without following links or entering node_modules/.git. */
export function countPageSources(dir: string): number {
  let n = 0;
  walkFiles(dir, (_file, e) => (n += PAGE.test(e.name) ? 1 : 0), ["node_modules", ".git"]);
  return n;
}

/** True when the process (or NODE_OPTIONS) already sets a heap limit: the writer's choice wins. */
export function heapLimitGiven(execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) => /^--max[-_]old[-_]space[-_]size\b/.test(a));
}

/** How a child killed by running out of heap ends: V8 aborts (SIGABRT, or 134 through a shell). */
export function outOfHeap(status: number | null, signal: NodeJS.Signals | null): boolean {
  return signal === "SIGABRT" || status === 134;
}
