// The benchmark's tables, its targets with PASS/FAIL, and the generated section of BENCHMARKS.md.
import fs from "node:fs";
import type { Measurement } from "./measure.ts";

/** One corpus size: every build setup measured on it. */
export interface SizeResult {
  pages: number;
  ours: Measurement;
  /** Warm, but nothing changed: the build cache keeps the output. */
  warm: Measurement;
  /** Warm after one page's text changed: only that page is rendered (src/build/warm-build.ts). */
  edited: Measurement;
  /** Whether the edited build's output was, file for file, a cold build's of the same pages; and how many files. */
  editedSameAsCold?: { same: boolean; files: number; differing: string[] };
  floor: Measurement;
  floorEleventy: Measurement;
  floorPagefind: Measurement;
  jekyll?: Measurement;
}

export interface BenchResults {
  bySize: SizeResult[];
  compat?: { pages: number; on: Measurement; off: Measurement };
  edit?: { pages: number; htmlMs: number; searchMs: number; all: { htmlMs: number[]; searchMs: number[] } };
  traces: { spans: number; parseMs: number; renderMs: number; svgBytes: number }[];
  weight: { pages: number; htmlGzip: number; cssGzip: number; jsGzip: number; totalGzip: number };
  runs: number;
  machine: string;
  minutes: number;
}

const START = "<!-- bench:generated:start (written by `npm run bench`; edit outside these markers) -->";
const END = "<!-- bench:generated:end -->";

const sec = (ms: number) => (Number.isNaN(ms) ? "–" : `${(ms / 1000).toFixed(2)} s`);
const mb = (kb: number) => (Number.isNaN(kb) ? "–" : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) || b === 0 ? "–" : `${(a / b).toFixed(2)}×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Target {
  name: string;
  value: string;
  pass: boolean | undefined;
}

export function targets(r: BenchResults): Target[] {
  const at = (n: number) => r.bySize.find((x) => x.pages === n);
  const k4 = at(4000);
  const k20 = at(20000);
  const t: Target[] = [];
  const add = (name: string, a: number | undefined, limit: number, value: (a: number) => string, le = true) =>
    t.push({ name, value: a === undefined || Number.isNaN(a) ? "not measured" : value(a), pass: a === undefined || Number.isNaN(a) ? undefined : le ? a <= limit : a >= limit });
  add("4,000 pages: cold build ≤ 1.25× the floor (wall)", k4 && k4.ours.wallMs / k4.floor.wallMs, 1.25, (x) => `${x.toFixed(2)}×`);
  add("4,000 pages: ≥ 2.5× faster than Jekyll cold (wall)", k4?.jekyll && k4.jekyll.wallMs / k4.ours.wallMs, 2.5, (x) => `${x.toFixed(2)}× faster`, false);
  add("4,000 pages: warm rebuild ≤ 0.5× our cold build (wall), nothing changed", k4 && k4.warm.wallMs / k4.ours.wallMs, 0.5, (x) => `${x.toFixed(2)}×`);
  add("4,000 pages: warm rebuild ≤ 0.5× our cold build (wall), one page edited", k4 && k4.edited.wallMs / k4.ours.wallMs, 0.5, (x) => `${x.toFixed(2)}×`);
  add("single-page edit: new HTML ≤ 200 ms", r.edit?.htmlMs, 200, (x) => `${x.toFixed(0)} ms`);
  add("single-page edit: search index updated ≤ 1 s", r.edit?.searchMs, 1000, (x) => `${x.toFixed(0)} ms`);
  add("4,000 pages: peak RSS ≤ 1 GB", k4?.ours.maxRssKb, 1024 * 1024, (x) => mb(x));
  add("20,000 pages: peak RSS ≤ 3 GB", k20?.ours.maxRssKb, 3 * 1024 * 1024, (x) => mb(x));
  add("20,000 / 4,000 pages: time ≤ 5.5× (wall)", k4 && k20 && k20.ours.wallMs / k4.ours.wallMs, 5.5, (x) => `${x.toFixed(2)}×`);
  return t;
}

export function renderTables(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`Measured on ${r.machine}; median of ${r.runs} runs after a warm-up, setups alternating; run took ${r.minutes.toFixed(1)} min.`, "");
  lines.push("### Builds", "");
  lines.push("| pages | setup | wall | CPU (user+sys) | peak RSS | wall vs floor |", "|---:|---|---:|---:|---:|---:|");
  for (const x of r.bySize) {
    const row = (name: string, m: Measurement) => `| ${x.pages.toLocaleString("en")} | ${name} | ${sec(m.wallMs)} | ${sec(m.cpuMs)} | ${mb(m.maxRssKb)} | ${ratio(m.wallMs, x.floor.wallMs)} |`;
    lines.push(row("**ours, cold** (everything on)", x.ours));
    lines.push(row("ours, warm: nothing changed (build cache kept)", x.warm));
    lines.push(row("ours, warm: one page edited (build cache kept)", x.edited));
    lines.push(row("floor: stock Eleventy + Pagefind CLI", x.floor));
    lines.push(row("&nbsp;&nbsp;of which Eleventy", x.floorEleventy));
    lines.push(row("&nbsp;&nbsp;of which Pagefind CLI", x.floorPagefind));
    if (x.jekyll) lines.push(row("Jekyll 4, cold", x.jekyll));
  }
  lines.push("");
  for (const x of r.bySize) {
    const c = x.editedSameAsCold;
    if (!c) continue;
    lines.push(
      c.same
        ? `At ${x.pages.toLocaleString("en")} pages, the last "one page edited" build wrote the same ${c.files.toLocaleString("en")} files, byte for byte, as a cold build of the edited pages.`
        : `At ${x.pages.toLocaleString("en")} pages, the last "one page edited" build's output **differs** from a cold build of the edited pages: ${c.differing.slice(0, 5).join(", ")}${c.differing.length > 5 ? ", …" : ""} (${c.differing.length} of ${c.files.toLocaleString("en")} files).`,
    );
  }
  if (r.bySize.some((x) => x.editedSameAsCold)) lines.push("");
  if (r.compat) {
    const c = r.compat;
    lines.push(`### The Jekyll compatibility layer (${c.pages.toLocaleString("en")} pages)`, "");
    lines.push("| build | wall | CPU | peak RSS |", "|---|---:|---:|---:|");
    lines.push(`| compat on (default) | ${sec(c.on.wallMs)} | ${sec(c.on.cpuMs)} | ${mb(c.on.maxRssKb)} |`);
    lines.push(`| compat: false | ${sec(c.off.wallMs)} | ${sec(c.off.cpuMs)} | ${mb(c.off.maxRssKb)} |`);
    const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(1)}%`;
    lines.push("", `The layer costs ${pct(c.on.wallMs, c.off.wallMs)} wall, ${pct(c.on.cpuMs, c.off.cpuMs)} CPU.`, "");
  }
  if (r.edit) {
    lines.push(`### Dev server, single-page edit (${r.edit.pages.toLocaleString("en")} pages)`, "");
    lines.push("| from saving a page to… | median | each edit |", "|---|---:|---|");
    lines.push(`| its new HTML on disk | ${r.edit.htmlMs.toFixed(0)} ms | ${r.edit.all.htmlMs.map((x) => x.toFixed(0)).join(", ")} ms |`);
    lines.push(`| the search index rewritten | ${r.edit.searchMs.toFixed(0)} ms | ${r.edit.all.searchMs.map((x) => x.toFixed(0)).join(", ")} ms |`, "");
  }
  lines.push("### Trace diagram (`parseTraceText` + `renderTimeline` with the critical path)", "");
  lines.push("| spans | parse | render | SVG |", "|---:|---:|---:|---:|");
  for (const t of r.traces) lines.push(`| ${t.spans.toLocaleString("en")} | ${t.parseMs.toFixed(0)} ms | ${t.renderMs.toFixed(0)} ms | ${kb(t.svgBytes)} |`);
  const [a, b] = r.traces;
  if (a && b) lines.push("", `${b.spans / a.spans}× the spans took ${((b.parseMs + b.renderMs) / (a.parseMs + a.renderMs)).toFixed(1)}× the time.`);
  lines.push("", `### Page weight (gzip, median over ${r.weight.pages.toLocaleString("en")} pages of the benchmark corpus)`, "");
  lines.push("| HTML | CSS | JS | first visit |", "|---:|---:|---:|---:|");
  lines.push(`| ${kb(r.weight.htmlGzip)} | ${kb(r.weight.cssGzip)} | ${kb(r.weight.jsGzip)} | ${kb(r.weight.totalGzip)} |`, "");
  lines.push("### Targets", "", "| target | measured | |", "|---|---:|---|");
  for (const t of targets(r)) lines.push(`| ${t.name} | ${t.value} | ${t.pass === undefined ? "–" : t.pass ? "PASS" : "FAIL"} |`);
  return lines.join("\n");
}

const SKELETON = `# Benchmarks

\`npm run bench\` (bench/run.ts) builds deterministic corpora of writers'-style pages (bench/corpus.ts)
with our full production build, the floor (stock Eleventy 3 with a minimal layout, bench/floor/, plus
Pagefind's CLI over its output) and Jekyll 4, and rewrites the section between the markers below.

## What each optimization bought

(Hand-written; \`npm run bench\` never touches this section.)

## Latest run

${START}
${END}
`;

/** Render the tables; with `write`, replace the generated section of BENCHMARKS.md (creating it if needed). */
export function writeBenchmarks(r: BenchResults, options: { write: boolean; file: string }): string {
  const tables = renderTables(r);
  if (options.write) {
    let text = fs.existsSync(options.file) ? fs.readFileSync(options.file, "utf8") : SKELETON;
    if (!text.includes(START) || !text.includes(END)) text = `${text.trimEnd()}\n\n## Latest run\n\n${START}\n${END}\n`;
    const before = text.slice(0, text.indexOf(START) + START.length);
    const after = text.slice(text.indexOf(END));
    fs.writeFileSync(options.file, `${before}\n${tables}\n${after}`);
  }
  return tables;
}
