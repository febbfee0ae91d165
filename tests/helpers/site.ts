// Builds a small fixture site from in-memory files into a temp folder, through the real pipeline.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { build, type BuildOutcome } from "../../src/build/build.ts";
import type { BuildOptions } from "../../src/build/context.ts";
import { parseDocument } from "./html.ts";

export interface FixtureSite {
  root: string;
  input: string;
  output: string;
  outcome: BuildOutcome;
  /** Parsed HTML of an output file, e.g. `a/index.html`. */
  page(file: string): Document;
  exists(file: string): boolean;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Site data for fixtures that use tags and contributors: written to `<dir>/_data/`. */
export function writeSiteData(dir: string): void {
  writeFiles(path.join(dir, "_data"), {
    "site.yaml": "title: Fixture site\n",
    "tags.yaml": "distributed tracing:\n  description: Following requests across services.\n",
    "contributors.yaml": "yberlinger:\n  name: Yael Berlinger\n",
  });
}

export function makeTempDir(prefix = "docs-fixture-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Stock Eleventy (no config, none of our stages) over `files`, initialised and ready to `write()`
 * into `out`: for tests of what the build changes in Eleventy's own objects.
 */
export async function stockEleventy(files: Record<string, string>, prefix: string): Promise<{ eleventy: Eleventy; out: string }> {
  const root = makeTempDir(prefix);
  writeFiles(path.join(root, "in"), files);
  const eleventy = new Eleventy(path.join(root, "in"), path.join(root, "out"), { quietMode: true, configPath: "" } as never);
  eleventy.disableLogger();
  await eleventy.init();
  return { eleventy, out: path.join(root, "out") };
}

export async function buildFixture(files: Record<string, string | Buffer>, options: Partial<BuildOptions> = {}, root = makeTempDir()): Promise<FixtureSite> {
  const input = path.join(root, "content");
  const output = path.join(root, "_site");
  fs.mkdirSync(input, { recursive: true });
  writeFiles(input, files);
  const outcome = await build({ input, output, ...options });
  return {
    root,
    input,
    output,
    outcome,
    page: (file) => parseDocument(fs.readFileSync(path.join(output, file), "utf8")),
    exists: (file) => fs.existsSync(path.join(output, file)),
  };
}

/** `file → sha256` for every file under `dir`, sorted: proves a folder did (not) change. */
export async function manifest(dir: string): Promise<Record<string, string>> {
  const { createHash } = await import("node:crypto");
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash("sha256").update(fs.readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}
