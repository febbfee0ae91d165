// The benchmark's corpora, generated once and cached under the system temp folder by size, seed and
// the generator's own source (an edited generator makes new corpora), plus a Jekyll copy of each.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "../corpus.ts";

export const BENCH_ROOT = path.join(os.tmpdir(), "tracedocs-bench");
const GENERATOR = path.join(path.dirname(fileURLToPath(import.meta.url)), "../corpus.ts");

function generatorHash(): string {
  return crypto.createHash("sha256").update(fs.readFileSync(GENERATOR)).digest("hex").slice(0, 10);
}

/** The corpus folder for `pages` pages and `seed`, generated if it is not cached yet. */
export function corpusDir(pages: number, seed: number): string {
  const dir = path.join(BENCH_ROOT, `corpus-${pages}-s${seed}-${generatorHash()}`);
  const stamp = path.join(dir, ".complete");
  if (!fs.existsSync(stamp)) {
    generateCorpus(dir, pages, seed);
    fs.writeFileSync(stamp, "");
  }
  return dir;
}

/**
 * A copy of the corpus that Jekyll 4 builds: the same pages, with a minimal `_config.yml` (kramdown
 * with GFM, as the writers' sites use) and the one layout the pages name, `_layouts/article.html`.
 */
export function jekyllCopy(corpus: string): string {
  const dir = `${corpus}-jekyll`;
  const stamp = path.join(dir, ".complete");
  if (fs.existsSync(stamp)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(corpus, dir, { recursive: true, filter: (src) => path.basename(src) !== ".complete" });
  fs.writeFileSync(path.join(dir, "_config.yml"), ["title: Benchmark guide", "markdown: kramdown", "kramdown:", "  input: GFM", "  hard_wrap: false", "exclude: [\".complete\"]", ""].join("\n"));
  fs.mkdirSync(path.join(dir, "_layouts"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "_layouts/article.html"),
    '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ page.title }}</title></head>\n<body><main><h1>{{ page.title }}</h1>\n{{ content }}\n</main></body>\n</html>\n',
  );
  fs.writeFileSync(stamp, "");
  return dir;
}

export function scratchDir(name: string): string {
  const dir = path.join(BENCH_ROOT, "out", name);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  return dir;
}
