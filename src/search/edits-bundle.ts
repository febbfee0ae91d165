// The preview's second search bundle: the pages saved since the last full build, indexed on their own.
//
// Why a second bundle: Pagefind can only write an index whole, and at 4,000 pages that takes about
// 4 s, so a save would wait that long to show in search. These few pages are instead indexed by
// Pagefind's CLI into `pagefind-edits/` (about 10 ms for a handful), which the preview's search
// merges with the main bundle (Pagefind's `mergeIndex`, see assets/js/search.js). The main index
// drops each saved page's record once, so a page is never found twice once that write is done.
//
// Why the CLI and not the Node API: the Node API runs one Pagefind service per process, and that
// service does one thing at a time, so indexing the edits there would queue behind the main
// bundle's 4 s write. The CLI is its own process. It takes pages from files, so each page's URL is
// the one its file path gives; `pathShaped` says which pages that holds for.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fault, type FaultWording } from "./pagefind.ts";
import type { SearchPage } from "./pages.ts";

/** Where the bundle of saved pages is served from, beside `pagefind/`. */
export const EDITS_DIR = "pagefind-edits";

/** The `<meta>` the preview adds to its pages once the bundle exists; assets/js/search.js merges the bundle it names. */
export const EDITS_META = "tracedocs-search-edits";

/** A saved page as the preview indexes it: its URL, its output file (relative) and its HTML. */
export interface EditedPage {
  url: string;
  outputFile: string;
  content: string;
}

export interface EditsBundleOptions {
  /** The served output folder; the bundle goes to `<outputDir>/pagefind-edits/`. */
  outputDir: string;
  /** The Pagefind binary. Default: the one the `pagefind` package installed for this platform. */
  binary?: string;
  wording?: FaultWording;
}

/**
 * The URL Pagefind's CLI gives a page from its file path: `a/b/index.html` → `/a/b/`,
 * `a/b.html` → `/a/b.html`. A page whose own URL differs can't go in the edits bundle.
 */
export function pathShaped(page: { url: string; outputFile: string }): boolean {
  const file = page.outputFile.split(path.sep).join("/");
  const url = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
  return url === page.url && !/[^A-Za-z0-9._~/-]/.test(page.outputFile);
}

/** The Pagefind binary the `pagefind` package resolves (its own lookup, lib/resolveBinary.js, is not exported). */
export function pagefindBinary(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ["pagefind_extended", "pagefind"]) {
    const fromEnv = env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const suffix = platform === "windows" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${name}${suffix}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`no Pagefind binary for ${platform}-${os.arch()}; reinstall with \`npm ci\``);
}

/**
 * Index `pages` (every page saved since the last full build, latest version) into
 * `<outputDir>/pagefind-edits/`, replacing the bundle there whole. Resolves with the milliseconds taken.
 */
export async function writeEditsBundle(pages: readonly EditedPage[], options: EditsBundleOptions): Promise<number> {
  const started = performance.now();
  const site = await fs.mkdtemp(path.join(os.tmpdir(), "tracedocs-edits-"));
  const bundleDir = path.join(options.outputDir, EDITS_DIR);
  const nextDir = path.join(options.outputDir, `.${EDITS_DIR}-next`);
  try {
    for (const page of pages) {
      const file = path.join(site, page.outputFile);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, page.content);
    }
    await fs.rm(nextDir, { recursive: true, force: true });
    const binary = options.binary ?? pagefindBinary();
    await new Promise<void>((resolve, reject) => {
      execFile(binary, ["--site", site, "--output-path", nextDir, "--quiet"], { timeout: 60_000 }, (error, _stdout, stderr) => {
        if (error) reject(fault("index the saved pages", undefined, stderr.trim() || error.message, error, options.wording));
        else resolve();
      });
    });
    // Swapped in whole: a search never loads half of one bundle and half of the next.
    await fs.rm(bundleDir, { recursive: true, force: true });
    await fs.rename(nextDir, bundleDir);
    return Math.round(performance.now() - started);
  } finally {
    await Promise.all([fs.rm(site, { recursive: true, force: true }), fs.rm(nextDir, { recursive: true, force: true })]);
  }
}
