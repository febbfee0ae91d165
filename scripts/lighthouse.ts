// Lighthouse on the built guide: the home page and the API reference, mobile profile, served on
// 127.0.0.1 with the site's CSP, in Debian's Chromium. A script, not a test: scores vary a little
// with machine load, so it reports them (and exits 1 under the targets) rather than gating `npm test`.
//
// Run:   npx tsx scripts/lighthouse.ts [--site DIR] [--json DIR]
// Without --site it builds the guide into a temporary folder first. Targets: performance >= 95,
// accessibility, best practices and SEO 100. Failing audits are listed under each page.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/helpers/browser.ts";
import { serveStatic } from "../tests/helpers/serve.ts";

const PAGES = [
  { name: "home", path: "" },
  { name: "API reference", path: "user-guide/distributed-tracing/api/" },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

/** Start Chromium with a DevTools port and wait for it to say which one it got. */
function launchChromium(profile: string): Promise<{ port: number; process: ChildProcess }> {
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) resolve({ port: Number(m[1]), process: child });
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}) before listening:\n${err}`)));
    child.on("error", reject);
  });
}

interface PageResult {
  name: string;
  url: string;
  scores: Record<Category, number>;
  /** Audits that lost points, per category. */
  failing: string[];
}

async function audit(port: number, name: string, url: string, jsonDir?: string): Promise<PageResult> {
  // Lighthouse's default config is the mobile profile: a Moto G Power screen, slow 4G, 4x CPU slowdown.
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  if (jsonDir) fs.writeFileSync(path.join(jsonDir, `${name.replace(/\W+/g, "-")}.json`), JSON.stringify(lhr, null, 1));
  const scores = {} as Record<Category, number>;
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = Math.round((category?.score ?? 0) * 100);
    for (const ref of category?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
        failing.push(`${id}: ${a.id} (${a.title})${a.displayValue ? `: ${a.displayValue}` : ""}`);
      }
    }
  }
  return { name, url, scores, failing };
}

async function main(argv: string[]): Promise<number> {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  let site = arg("--site");
  const jsonDir = arg("--json");
  if (jsonDir) fs.mkdirSync(jsonDir, { recursive: true });
  let chromium: ChildProcess | undefined;
  const server = await (async () => {
    if (!site) {
      const { build } = await import("../src/build/build.ts");
      site = path.join(tmp, "_site");
      const outcome = await build({ output: site });
      if (!outcome.ok) throw new Error("The guide did not build; run `npm run build` to see why.");
    }
    return serveStatic(path.resolve(site));
  })();
  try {
    const launched = await launchChromium(path.join(tmp, "profile"));
    chromium = launched.process;
    const results: PageResult[] = [];
    // One at a time: Lighthouse drives one tab, and parallel runs would skew the timings.
    for (const p of PAGES) results.push(await audit(launched.port, p.name, new URL(p.path, server.url).href, jsonDir));

    const header = ["page", ...CATEGORIES];
    process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
    for (const r of results) process.stdout.write(`| ${r.name} | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} |\n`);
    let ok = true;
    for (const r of results) {
      for (const c of CATEGORIES) if (r.scores[c] < TARGETS[c]) ok = false;
      for (const f of r.failing) process.stderr.write(`${r.name}: ${f}\n`);
    }
    if (!ok) process.stderr.write(`Below target (performance >= ${TARGETS.performance}, the others 100).\n`);
    return ok ? 0 : 1;
  } finally {
    chromium?.kill();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
