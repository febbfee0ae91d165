// Page weight: each built page's compressed bytes for a first visit (its HTML plus every stylesheet
// and script it references; Pagefind's files load only when search opens, so they don't count).
//
// Run:   npx tsx scripts/weight.ts [--site DIR] [--prefix /docs/] [--markdown]
// Without --site it builds the guide into a temporary folder first. Exits 1 when a page is over budget.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { Parser } from "htmlparser2";

/** The first-visit budget from issue 7, compressed (gzip, the encoding every host offers). */
export const BUDGET_BYTES = 50 * 1024;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  /** The page's URL path, with the site's prefix. */
  url: string;
  /** Site-relative paths of the stylesheets and scripts the page references. */
  assets: string[];
  html: Sizes;
  /** HTML plus every referenced asset. */
  total: Sizes;
}

function sizes(bytes: Buffer): Sizes {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

/** Root-relative URLs of the stylesheets (any media: browsers fetch print CSS too) and scripts in `html`. */
export function referencedAssets(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === "link" && /(^|\s)stylesheet(\s|$)/i.test(attrs.rel ?? "") && attrs.href) found.push(attrs.href);
      if (name === "script" && attrs.src) found.push(attrs.src);
    },
  });
  parser.write(html);
  parser.end();
  return [...new Set(found)];
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && !(d === dir && e.name === "pagefind")) walk(p);
      else if (e.isFile() && e.name.endsWith(".html")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Weigh every page of a built site whose URLs start with `prefix`. */
export function weighSite(siteDir: string, prefix = "/"): PageWeight[] {
  const cache = new Map<string, Sizes>();
  const assetSizes = (url: string): Sizes => {
    const cached = cache.get(url);
    if (cached) return cached;
    if (!url.startsWith(prefix)) throw new Error(`${url} is outside the site's prefix ${prefix}`);
    const file = path.join(siteDir, decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0] ?? ""));
    if (!fs.existsSync(file)) throw new Error(`${url} is referenced but ${file} does not exist`);
    const s = sizes(fs.readFileSync(file));
    cache.set(url, s);
    return s;
  };
  return htmlFiles(siteDir).map((file) => {
    const bytes = fs.readFileSync(file);
    const rel = path.relative(siteDir, file).split(path.sep).join("/");
    const url = prefix + (rel === "index.html" ? "" : rel.replace(/(^|\/)index\.html$/, "$1"));
    const assets = referencedAssets(bytes.toString("utf8")).filter((a) => !/^[a-z]+:|^\/\//i.test(a));
    const html = sizes(bytes);
    const total = assets.map(assetSizes).reduce(add, html);
    return { url, assets, html, total };
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A Markdown table of every page, then min / median / max and the heaviest page. */
export function report(weights: PageWeight[]): string {
  const rows = [...weights].sort((a, b) => b.total.gzip - a.total.gzip);
  const lines = ["| page | HTML gzip | first visit gzip | first visit brotli |", "|---|---:|---:|---:|"];
  for (const w of rows) lines.push(`| \`${w.url}\` | ${kb(w.html.gzip)} | ${kb(w.total.gzip)} | ${kb(w.total.brotli)} |`);
  const gz = weights.map((w) => w.total.gzip);
  const br = weights.map((w) => w.total.brotli);
  const top = rows[0];
  lines.push(
    "",
    `${weights.length} pages. First visit, gzip: min ${kb(Math.min(...gz))}, median ${kb(median(gz))}, max ${kb(Math.max(...gz))}; ` +
      `brotli: min ${kb(Math.min(...br))}, median ${kb(median(br))}, max ${kb(Math.max(...br))}.`,
  );
  if (top) lines.push(`Heaviest: \`${top.url}\` (${kb(top.total.gzip)} gzip, of which HTML ${kb(top.html.gzip)}).`);
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  let site = arg("--site");
  const prefix = arg("--prefix") ?? "/";
  let tmp: string | undefined;
  if (!site) {
    const { build } = await import("../src/build/build.ts");
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "weight-"));
    site = path.join(tmp, "_site");
    const outcome = await build({ output: site, pathPrefix: prefix });
    if (!outcome.ok) {
      process.stderr.write("The guide did not build; run `npm run build` to see why.\n");
      return 1;
    }
  }
  try {
    const weights = weighSite(path.resolve(site), prefix);
    process.stdout.write(`${report(weights)}\n`);
    const over = weights.filter((w) => w.total.gzip > BUDGET_BYTES);
    for (const w of over) process.stderr.write(`over budget: ${w.url} is ${kb(w.total.gzip)} gzip (budget ${kb(BUDGET_BYTES)})\n`);
    return over.length ? 1 : 0;
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
