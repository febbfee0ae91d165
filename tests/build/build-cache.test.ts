// The build cache: an unchanged tree keeps the last good output; any change builds in full.
import fs from "node:fs";
import path from "node:path";
import { writeJson } from "../../src/build/build-cache.ts";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { parseDocument } from "../helpers/html.ts";
import { makeTempDir, manifest, writeFiles, writeSiteData } from "../helpers/site.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A small site with one warning (an unknown tag), built once. */
async function builtSite() {
  const root = makeTempDir("build-cache-");
  roots.push(root);
  const input = path.join(root, "content");
  const output = path.join(root, "_site");
  writeSiteData(root);
  writeFiles(input, {
    "index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "a.md": "---\ntitle: Alpha\ntags:\n  - not-a-known-tag\n---\nFirst words.\n",
  });
  const first = await build({ input, output });
  expect(first.ok).toBe(true);
  expect(first.upToDate).toBeFalsy();
  const text = (file: string) => parseDocument(fs.readFileSync(path.join(output, file), "utf8")).querySelector(".prose p")?.textContent;
  return { root, input, output, first, text };
}

/** Every output file with its mtime: proves a build wrote nothing. */
function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.statSync(p).mtimeMs;
    }
  };
  walk(dir);
  return out;
}

describe("the build cache", () => {
  it("keeps the output of an unchanged tree untouched and reports the same warnings again", async () => {
    const site = await builtSite();
    const warnings = site.first.ctx.diagnostics.sorted();
    expect(warnings.map((d) => d.code)).toContain("FM_UNKNOWN_TAG");
    const before = mtimes(site.output);

    const again = await build({ input: site.input, output: site.output });
    expect(again.ok).toBe(true);
    expect(again.upToDate).toBe(true);
    expect(again.pages).toBe(site.first.pages);
    expect(again.ctx.diagnostics.sorted()).toEqual(warnings);
    expect(mtimes(site.output)).toEqual(before);

    // --strict still fails on those warnings, and the output stays as it was.
    const strict = await build({ input: site.input, output: site.output, strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.ctx.diagnostics.warnings.length).toBeGreaterThan(0);
    expect(mtimes(site.output)).toEqual(before);
  });

  it("builds in full when a page, a data file or the options change", async () => {
    const site = await builtSite();
    writeFiles(site.input, { "a.md": "---\ntitle: Alpha\n---\nSecond words.\n" });
    const edited = await build({ input: site.input, output: site.output });
    expect(edited.upToDate).toBeFalsy();
    expect(site.text("a/index.html")).toBe("Second words.");

    writeFiles(site.root, { "_data/site.yaml": "title: Renamed site\n" });
    const data = await build({ input: site.input, output: site.output });
    expect(data.upToDate).toBeFalsy();
    expect(parseDocument(fs.readFileSync(path.join(site.output, "a/index.html"), "utf8")).title).toContain("Renamed site");

    const prefixed = await build({ input: site.input, output: site.output, pathPrefix: "/docs/" });
    expect(prefixed.upToDate).toBeFalsy();
  });

  it("builds in full when the output folder was changed since, and with cache: false", async () => {
    const site = await builtSite();
    const good = await manifest(site.output);
    fs.rmSync(path.join(site.output, "a/index.html"));
    const repaired = await build({ input: site.input, output: site.output });
    expect(repaired.upToDate).toBeFalsy();
    expect(await manifest(site.output)).toEqual(good);

    const forced = await build({ input: site.input, output: site.output, cache: false });
    expect(forced.upToDate).toBeFalsy();
    expect(forced.ok).toBe(true);
    // The forced build was recorded: the next one is up to date again.
    expect((await build({ input: site.input, output: site.output })).upToDate).toBe(true);
  });

  it("finds the last good build up to date again after a failed build of an edit that was undone", async () => {
    const site = await builtSite();
    const good = await manifest(site.output);
    const original = fs.readFileSync(path.join(site.input, "a.md"), "utf8");
    writeFiles(site.input, { "a.md": "---\ntitle: [unclosed\n---\nBroken.\n" });
    const failed = await build({ input: site.input, output: site.output });
    expect(failed.ok).toBe(false);
    expect(failed.upToDate).toBeFalsy();
    writeFiles(site.input, { "a.md": original });
    const restored = await build({ input: site.input, output: site.output });
    expect(restored.upToDate).toBe(true);
    expect(restored.ok).toBe(true);
    expect(await manifest(site.output)).toEqual(good);
  });

  it("is never used by the preview's builds", async () => {
    const site = await builtSite();
    const preview = await build({ input: site.input, output: site.output, mode: "serve" });
    expect(preview.ok).toBe(true);
    expect(preview.upToDate).toBeFalsy();
  });
});

describe("the cache file", () => {
  it("is written a piece at a time as JSON.stringify would write it whole", () => {
    const file = path.join(makeTempDir("cache-json-"), "entry.json");
    const value = {
      version: 2,
      skipped: undefined,
      text: "quote \" and → and \u2028",
      nested: { list: [1, undefined, "two", { deep: { deeper: { deepest: [null, undefined, new Date(0)] } } }], empty: {}, none: [] },
      many: Array.from({ length: 3000 }, (_, i) => [`page-${i}`, [i, i + 1], { n: i }]),
    };
    writeJson(file, value);
    expect(fs.readFileSync(file, "utf8")).toBe(JSON.stringify(value));
  });
});
