// `npm run bench`: our build against the floor (stock Eleventy + Pagefind's CLI) and Jekyll 4, over
// the deterministic corpora; warm rebuilds, the dev server's single-page edit, trace diagrams and page
// weight. Prints the tables with PASS/FAIL per target and writes them into BENCHMARKS.md.
//
// Numbers on a shared machine are information, not a test: this always exits 0 unless it crashes.
//
//   npm run bench                              1,000 and 4,000 pages, 3 runs each
//   npm run bench -- --sizes 1000,4000,20000 --runs 5
//   npm run bench -- --no-jekyll --no-write    skip Jekyll; print only
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { referencedAssets } from "../scripts/weight.ts";
import { corpusDir, jekyllCopy, scratchDir, BENCH_ROOT } from "./lib/corpora.ts";
import { measure, medianOf, sum, median, type Measurement } from "./lib/measure.ts";
import { measureEdits, medianEdit } from "./dev-edit.ts";
import { writeBenchmarks, type SizeResult } from "./lib/report.ts";
import { cacheFileFor } from "../src/build/build-cache.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const NODE = process.execPath;

const { values } = parseArgs({
  options: {
    // 20,000 pages take about 5 minutes a build here (5× the 4,000-page time), so a run with them is well over the
    // 15 minutes a normal run should take: they are opt-in (`--sizes 1000,4000,20000`).
    sizes: { type: "string", default: "1000,4000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "42" },
    "jekyll-sizes": { type: "string", default: "1000,4000" },
    "no-jekyll": { type: "boolean", default: false },
    "no-edit": { type: "boolean", default: false },
    "no-compat": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(values.runs));
const seed = Number(values.seed);
const hasJekyll = !values["no-jekyll"] && whichJekyll();
const jekyllSizes = new Set(values["jekyll-sizes"].split(",").map(Number));

function whichJekyll(): boolean {
  try {
    execFileSync("jekyll", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---- the setups -------------------------------------------------------------------------------

interface Setup {
  name: string;
  /** Prepare (not timed), then run once and measure. */
  run(): Promise<Measurement>;
}

/** Remove an output folder and the build cache's entry for it. */
function forget(output: string): void {
  fs.rmSync(output, { recursive: true, force: true });
  fs.rmSync(cacheFileFor(ROOT, output), { force: true });
}

function oursCold(corpus: string, out: string, extra: string[] = []): Setup {
  return {
    name: "ours cold",
    async run() {
      // Cold: no previous output, no build cache; a fresh process.
      forget(out);
      return measure(NODE, ["--import", "tsx", "src/cli.ts", "build", "--input", corpus, "--output", out, ...extra], { cwd: ROOT });
    },
  };
}

function oursWarm(corpus: string, out: string): Setup {
  return {
    name: "ours warm",
    async run() {
      // Warm: the previous output and build cache stay; a fresh process (a writer's second `npm run build`).
      if (!fs.existsSync(out)) await measure(NODE, ["--import", "tsx", "src/cli.ts", "build", "--input", corpus, "--output", out], { cwd: ROOT });
      return measure(NODE, ["--import", "tsx", "src/cli.ts", "build", "--input", corpus, "--output", out], { cwd: ROOT });
    },
  };
}

/**
 * Warm after an edit: previous output and cache kept, one page's text changed before each run: a
 * writer's `npm run build` after saving a page. Only that page is rendered (src/build/warm-build.ts);
 * `sameAsCold` then checks the output against a cold build of the same pages.
 */
function oursEdited(corpus: string, out: string): Setup {
  // A copy of the corpus, since the corpus itself is cached and shared between setups.
  const copy = `${out}-content`;
  let edits = 0;
  return {
    name: "ours edited",
    async run() {
      if (!fs.existsSync(copy)) fs.cpSync(corpus, copy, { recursive: true });
      if (!fs.existsSync(out)) await measure(NODE, ["--import", "tsx", "src/cli.ts", "build", "--input", copy, "--output", out], { cwd: ROOT });
      fs.appendFileSync(path.join(copy, "section-3/page-3.md"), `\nEdit number ${++edits} for the benchmark.\n`);
      return measure(NODE, ["--import", "tsx", "src/cli.ts", "build", "--input", copy, "--output", out], { cwd: ROOT });
    },
  };
}

function compatVariant(corpus: string, out: string, compat: boolean): Setup {
  return {
    name: compat ? "compat on" : "compat off",
    async run() {
      forget(out);
      return measure(NODE, ["--import", "tsx", "bench/build-child.ts", corpus, out, ...(compat ? [] : ["--no-compat"])], { cwd: ROOT });
    },
  };
}

function floor(corpus: string, out: string): Setup {
  return {
    name: "floor",
    async run() {
      fs.rmSync(out, { recursive: true, force: true });
      const env = { ...process.env, FLOOR_INPUT: corpus };
      const eleventy = await measure(BIN("eleventy"), ["--input", corpus, "--output", out, "--config", "bench/floor/eleventy.config.js"], { cwd: ROOT, env });
      const pagefind = await measure(BIN("pagefind"), ["--site", out], { cwd: ROOT });
      floorParts.get(corpus)!.push({ eleventy, pagefind });
      return sum(eleventy, pagefind);
    },
  };
}
const floorParts = new Map<string, { eleventy: Measurement; pagefind: Measurement }[]>();

function jekyll(corpus: string, out: string): Setup {
  const source = jekyllCopy(corpus);
  return {
    name: "jekyll",
    async run() {
      // Cold: no output, no .jekyll-cache.
      fs.rmSync(out, { recursive: true, force: true });
      fs.rmSync(path.join(source, ".jekyll-cache"), { recursive: true, force: true });
      return measure("jekyll", ["build", "--quiet", "--source", source, "--destination", out], { cwd: source });
    },
  };
}

/** Warm-up once, then `runs` rounds that alternate between the setups so machine noise spreads evenly. */
async function alternate(label: string, setups: Setup[]): Promise<Map<string, Measurement>> {
  const results = new Map<string, Measurement[]>(setups.map((x) => [x.name, []]));
  for (let round = -1; round < runs; round++) {
    for (const setup of setups) {
      const m = await setup.run();
      log(`  ${label} ${round < 0 ? "warm-up" : `run ${round + 1}/${runs}`} ${setup.name.padEnd(10)} wall ${s(m.wallMs)}  cpu ${s(m.cpuMs)}  rss ${(m.maxRssKb / 1024).toFixed(0)} MB`);
      if (round >= 0) results.get(setup.name)!.push(m);
    }
  }
  return new Map([...results].map(([k, v]) => [k, medianOf(v)]));
}

// ---- the run ----------------------------------------------------------------------------------

const started = performance.now();
log(`Benchmark: sizes ${sizes.join(", ")}, ${runs} runs after a warm-up, Node ${process.version}, ${os.cpus().length} CPUs, Jekyll ${hasJekyll ? "yes" : "no"}. Work folder ${BENCH_ROOT}.`);
const bySize: SizeResult[] = [];
for (const pages of sizes) {
  log(`Corpus of ${pages} pages…`);
  const corpus = corpusDir(pages, seed);
  floorParts.set(corpus, []);
  const edited = scratchDir(`edited-${pages}/_site`);
  forget(edited);
  fs.rmSync(`${edited}-content`, { recursive: true, force: true });
  const setups = [
    oursCold(corpus, scratchDir(`ours-${pages}/_site`)),
    floor(corpus, scratchDir(`floor-${pages}`)),
    oursWarm(corpus, scratchDir(`warm-${pages}/_site`)),
    oursEdited(corpus, edited),
  ];
  if (hasJekyll && jekyllSizes.has(pages)) setups.push(jekyll(corpus, scratchDir(`jekyll-${pages}`)));
  const m = await alternate(`${pages}`, setups);
  const editedSameAsCold = await sameAsCold(`${edited}-content`, edited);
  log(`  one page edited: ${editedSameAsCold.same ? "same files as a cold build" : `DIFFERS from a cold build: ${editedSameAsCold.differing.slice(0, 5).join(", ")}`} (${editedSameAsCold.files} files)`);
  const parts = floorParts.get(corpus)!;
  bySize.push({
    pages,
    ours: m.get("ours cold")!,
    warm: m.get("ours warm")!,
    edited: m.get("ours edited")!,
    floor: m.get("floor")!,
    floorEleventy: medianOf(parts.map((p) => p.eleventy)),
    floorPagefind: medianOf(parts.map((p) => p.pagefind)),
    jekyll: m.get("jekyll"),
    editedSameAsCold,
  });
}

/** Build `input` cold into a folder of its own and compare every file with `output` (not timed). */
async function sameAsCold(input: string, output: string): Promise<{ same: boolean; files: number; differing: string[] }> {
  const cold = scratchDir("edited-cold/_site");
  forget(cold);
  await measure(NODE, ["--import", "tsx", "src/cli.ts", "build", "--input", input, "--output", cold, "--no-cache"], { cwd: ROOT });
  const list = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  const mine = list(output);
  const theirs = list(cold);
  const [inMine, inTheirs] = [new Set(mine), new Set(theirs)];
  const differing = [...mine.filter((f) => !inTheirs.has(f) || !fs.readFileSync(path.join(output, f)).equals(fs.readFileSync(path.join(cold, f)))), ...theirs.filter((f) => !inMine.has(f))];
  forget(cold);
  return { same: differing.length === 0, files: mine.length, differing };
}

// The Jekyll layer's cost at 4,000 pages (or the largest size below it): the same build with `compat: false`.
const compatSize = sizes.includes(4000) ? 4000 : sizes.filter((n) => n <= 4000).at(-1) ?? sizes[0]!;
let compat: { pages: number; on: Measurement; off: Measurement } | undefined;
if (!values["no-compat"]) {
  log(`Jekyll layer's cost at ${compatSize} pages…`);
  const corpus = corpusDir(compatSize, seed);
  const m = await alternate(`compat ${compatSize}`, [compatVariant(corpus, scratchDir("compat-on/_site"), true), compatVariant(corpus, scratchDir("compat-off/_site"), false)]);
  compat = { pages: compatSize, on: m.get("compat on")!, off: m.get("compat off")! };
}

// The dev server's single-page edit at 4,000 pages (or the largest size below it).
let edit: { pages: number; htmlMs: number; searchMs: number; all: { htmlMs: number[]; searchMs: number[] } } | undefined;
if (!values["no-edit"]) {
  log(`Dev server single-page edit at ${compatSize} pages…`);
  const r = await measureEdits(ROOT, corpusDir(compatSize, seed), scratchDir("dev-edit"), Math.max(3, runs) + 1);
  // The first edit warms the server's caches; the rest are the measurement.
  const measured = { ...r, htmlMs: r.htmlMs.slice(1), searchMs: r.searchMs.slice(1) };
  edit = { pages: compatSize, ...medianEdit(measured), all: measured };
  log(`  html ${r.htmlMs.map((x) => x.toFixed(0)).join(", ")} ms; search ${r.searchMs.map((x) => x.toFixed(0)).join(", ")} ms`);
}

// Trace diagrams: 1,000 and 10,000 spans (linear growth means about 10×).
log("Trace diagrams…");
const traces = [1000, 10_000].map((spans) => JSON.parse(execFileSync(NODE, ["--import", "tsx", "bench/trace-child.ts", String(spans), String(Math.max(3, runs))], { cwd: ROOT, encoding: "utf8" })) as { spans: number; parseMs: number; renderMs: number; svgBytes: number });

// Page weight: compressed bytes per page of the smallest corpus as our build wrote it, gzip level 9 as
// scripts/weight.ts measures (its `referencedAssets` finds each page's stylesheets and scripts).
log("Page weight…");
const weightOut = scratchDir(`ours-${sizes[0]!}/_site`);
if (!fs.existsSync(weightOut)) await oursCold(corpusDir(sizes[0]!, seed), weightOut).run();
const weight = weighPages(weightOut);

function weighPages(site: string) {
  const gzip = new Map<string, number>();
  const gz = (file: string): number => {
    let n = gzip.get(file);
    if (n === undefined) gzip.set(file, (n = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length));
    return n;
  };
  const rows = (fs.readdirSync(site, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind"))
    .map((f) => {
      const file = path.join(site, f);
      const assets = referencedAssets(fs.readFileSync(file, "utf8")).filter((a) => a.startsWith("/") && !a.startsWith("//"));
      const of = (re: RegExp) => assets.filter((a) => re.test(a)).reduce((acc, a) => acc + gz(path.join(site, a.split(/[?#]/)[0]!)), 0);
      return { html: gz(file), css: of(/\.css$/), js: of(/\.js$/) };
    });
  return {
    pages: rows.length,
    htmlGzip: median(rows.map((r) => r.html)),
    cssGzip: median(rows.map((r) => r.css)),
    jsGzip: median(rows.map((r) => r.js)),
    totalGzip: median(rows.map((r) => r.html + r.css + r.js)),
  };
}

const report = writeBenchmarks(
  { bySize, compat, edit, traces, weight, runs, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)} at the end`, minutes: (performance.now() - started) / 60000 },
  { write: !values["no-write"], file: path.join(ROOT, "BENCHMARKS.md") },
);
process.stdout.write(`${report}\n`);
