// What the Jekyll compatibility layer costs: one run, the same generated corpus built three ways.
//
//   plain   compat off: no `_config.yml` detection, no `page.*` scope, no lax or undefined-variable
//           checks in Liquid (strictVariables off). The build as it would be without the layer.
//   liquid  compat on, no `_config.yml`: the Liquid layer alone (page.*, lax rewrite, undefined checks).
//   jekyll  compat on, with a `_config.yml` (baseurl, defaults, a collection): everything, plus the Jekyll
//           data layer (site.pages, collections, defaults, Jekyll URLs, static files) and our theme's
//           Jekyll sidebar (every page listed).
//
// Each page also prints `{{ page.title }}` and `{{ site.baseurl }}` so the layer has work to do. Runs
// alternate (plain, liquid, jekyll, plain, …) so machine noise spreads evenly; medians are reported.
// Usage: tsx bench/jekyll-cost.ts [pages=4000] [rounds=3]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "../src/build/build.ts";
import { generateCorpus } from "./corpus.ts";

const pages = Number(process.argv[2] ?? 4000);
const rounds = Number(process.argv[3] ?? 3);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "jekyll-cost-"));

function corpus(dir: string, jekyll: boolean): void {
  generateCorpus(dir, pages);
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
    if (!file.endsWith(".md") || file.startsWith("_includes")) continue;
    fs.appendFileSync(path.join(dir, file), "\nBack to [the start]({{ site.baseurl }}/) from {{ page.title }}.\n");
  }
  if (jekyll) {
    fs.writeFileSync(
      path.join(dir, "_config.yml"),
      ["title: Bench", "baseurl: /docs", "url: https://docs.example.org", "collections:", "  notes:", "    output: true", "defaults:", "  - scope: {path: ''}", "    values: {layout: page}", ""].join("\n"),
    );
    fs.mkdirSync(path.join(dir, "_notes"));
    fs.writeFileSync(path.join(dir, "_notes/first.md"), "---\ntitle: First note\n---\nA note.\n");
  }
}

const variants = [
  { name: "plain", input: path.join(root, "plain"), compat: false, jekyll: false },
  { name: "liquid", input: path.join(root, "plain"), compat: true, jekyll: false },
  { name: "jekyll", input: path.join(root, "jekyll"), compat: true, jekyll: true },
] as const;
corpus(path.join(root, "plain"), false);
corpus(path.join(root, "jekyll"), true);

const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
// One warm-up build so module loading and JIT don't count against the first variant.
// `cache: false`: each round builds in full (the inputs are the same, so the build cache would keep the last output).
await build({ input: path.join(root, "plain"), output: path.join(root, "out-warmup"), compat: false, cache: false });
for (let r = 0; r < rounds; r++) {
  for (const v of variants) {
    const outcome = await build({ input: v.input, output: path.join(root, `out-${v.name}`), compat: v.compat, cache: false });
    if (outcome.upToDate) throw new Error(`${v.name}: the build cache answered; this measures nothing`);
    if (outcome.ctx.diagnostics.errors.length) throw new Error(`${v.name}: ${JSON.stringify(outcome.ctx.diagnostics.errors.slice(0, 3))}`);
    times.get(v.name)!.push(outcome.ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const plain = median(times.get("plain")!);
process.stdout.write(`${pages} pages, ${rounds} rounds, Node ${process.version}, ${os.cpus().length} CPUs\n`);
for (const v of variants) {
  const m = median(times.get(v.name)!);
  process.stdout.write(`${v.name.padEnd(7)} median ${(m / 1000).toFixed(2)} s  (${times.get(v.name)!.map((t) => (t / 1000).toFixed(2)).join(", ")})  ${v.name === "plain" ? "" : `${m >= plain ? "+" : ""}${(((m - plain) / plain) * 100).toFixed(1)}%`}\n`);
}
fs.rmSync(root, { recursive: true, force: true });
