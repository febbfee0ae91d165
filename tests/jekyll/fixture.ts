// Builds tests/fixtures/jekyll-site with our build (and with Jekyll), once per test file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOutcome } from "../../src/build/build.ts";
import { makeTempDir } from "../helpers/site.ts";
import { parseDocument } from "../helpers/html.ts";

export const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/jekyll-site");

export interface Built {
  output: string;
  outcome: BuildOutcome;
  page(file: string): Document;
  exists(file: string): boolean;
}

export async function buildOurs(options: { strict?: boolean; pathPrefix?: string } = {}): Promise<Built> {
  const output = path.join(makeTempDir("jekyll-ours-"), "_site");
  const outcome = await build({ input: FIXTURE, output, ...options });
  return {
    output,
    outcome,
    page: (file) => parseDocument(fs.readFileSync(path.join(output, file), "utf8")),
    exists: (file) => fs.existsSync(path.join(output, file)),
  };
}

/** Why `jekyll` cannot run here, or undefined when it can. */
export function jekyllUnavailable(): string | undefined {
  const probe = spawnSync("jekyll", ["--version"], { encoding: "utf8" });
  if (probe.error) return `jekyll is not installed (${probe.error.message}); install it with \`apt-get install -y jekyll\``;
  if (probe.status !== 0) return `jekyll does not run: ${probe.stderr.trim().split("\n")[0]}`;
  return undefined;
}

/** `jekyll build --safe` of the fixture into a temp folder; returns the folder. */
export function buildWithJekyll(): string {
  const dest = path.join(makeTempDir("jekyll-ref-"), "_site");
  const run = spawnSync("jekyll", ["build", "--safe", "--quiet", "-s", FIXTURE, "-d", dest], {
    encoding: "utf8",
    env: { ...process.env, JEKYLL_ENV: "production", TZ: "UTC" },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`jekyll build failed: ${run.stderr || run.stdout}`);
  return dest;
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}
