// Builds a small fixture site in memory (or to disk) through the real Eleventy config.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy, { type EleventyResult } from "@11ty/eleventy";
import { createBuildContext, setBuildContext, type BuildContext } from "../../src/build/context.ts";
import { copyStaticFiles } from "../../src/build/static-files.ts";

export interface FixtureSite {
  /** Content files: path relative to the content folder → file text. */
  pages: Record<string, string>;
  /** Data files: name relative to `_data/` → file text. Default: a small site.yaml and friends. */
  data?: Record<string, string>;
  pathPrefix?: string;
}

export const DEFAULT_DATA: Record<string, string> = {
  "site.yaml": [
    "title: Fixture Guide",
    "description: A fixture site for layout tests.",
    "url: https://docs.example.test",
    "repository: https://github.com/example/fixture-docs",
    "branch: trunk",
    "contentPath: docs/content",
    "language: en",
  ].join("\n"),
  "contributors.yaml": "ada:\n  name: Ada Lovelace\n  github: ada\ngrace:\n  name: Grace Hopper\n",
  "tags.yaml": "tracing:\n  description: Following requests.\nsampling & rates:\n  description: How many traces to keep.\n",
  "navigation.yaml": "- title: Basics\n  pages:\n    - /a/\n    - /b/\n",
};

export interface BuiltFixture {
  root: string;
  input: string;
  output: string;
  ctx: BuildContext;
  results: EleventyResult[];
  /** The rendered output whose URL is `url`. Throws when there is none, naming what was built. */
  page(url: string): string;
  cleanup(): void;
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Build `site` with the project's .eleventy.ts; `write` also writes the output folder to disk. */
export async function buildFixture(site: FixtureSite, options: { write?: boolean } = {}): Promise<BuiltFixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "layouts-fixture-"));
  const input = path.join(root, "content");
  const output = path.join(root, "_site");
  const dataDir = path.join(root, "_data");
  writeTree(input, site.pages);
  writeTree(dataDir, site.data ?? DEFAULT_DATA);

  const ctx = createBuildContext({ input, output, pathPrefix: site.pathPrefix });
  // The fixture brings its own data files; layouts and assets stay the project's.
  ctx.dirs.data = dataDir;
  setBuildContext(ctx);

  // Imported here, not by Eleventy's loader, so it goes through Vitest's TypeScript loader (as src/build does).
  const { default: eleventyConfig } = await import("../../.eleventy.ts");
  const eleventy = new Eleventy(input, output, {
    configPath: "",
    config: eleventyConfig,
    quietMode: true,
    pathPrefix: site.pathPrefix,
  });
  let results: EleventyResult[];
  if (options.write) {
    // What the build does before Eleventy writes: the theme's assets (src/build/static-files.ts).
    copyStaticFiles(ctx);
    await eleventy.write();
    results = [];
  } else {
    results = await eleventy.toJSON();
  }
  return {
    root,
    input,
    output,
    ctx,
    results,
    page(url) {
      const hit = results.find((r) => r.url === url);
      if (!hit) throw new Error(`no page at ${url}; built: ${results.map((r) => r.url).join(", ")}`);
      return hit.content;
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
