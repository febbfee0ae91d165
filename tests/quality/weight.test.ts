// Page weight (scripts/weight.ts): the measurement itself, and the guide's pages under the budget.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET_BYTES, median, referencedAssets, weighSite, type PageWeight } from "../../scripts/weight.ts";
import { buildGuide, type BuiltGuide } from "./guide.ts";

describe("weighing a site", () => {
  it("counts a page's HTML plus each stylesheet and script it references, once, and nothing else", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "weight-"));
    const css = "body { color: red; }\n".repeat(50);
    const js = "console.log(1);\n".repeat(40);
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/docs/a.css"><link rel="icon" href="/docs/i.svg"><link rel="stylesheet" href="/docs/a.css" media="print"><script src="/docs/a.js" defer></script></head><body><img src="/docs/i.svg"></body></html>`;
    fs.mkdirSync(path.join(dir, "p"));
    fs.writeFileSync(path.join(dir, "p", "index.html"), html);
    fs.writeFileSync(path.join(dir, "a.css"), css);
    fs.writeFileSync(path.join(dir, "a.js"), js);
    fs.writeFileSync(path.join(dir, "i.svg"), "<svg/>".repeat(1000));
    const [page] = weighSite(dir, "/docs/");
    fs.rmSync(dir, { recursive: true, force: true });
    expect(page!.url).toBe("/docs/p/");
    expect(page!.assets).toEqual(["/docs/a.css", "/docs/a.js"]);
    expect(page!.total.raw).toBe(Buffer.byteLength(html) + Buffer.byteLength(css) + Buffer.byteLength(js));
    expect(page!.total.gzip).toBe(
      [html, css, js].map((t) => zlib.gzipSync(t, { level: 9 }).length).reduce((a, b) => a + b),
    );
  });

  it("finds stylesheets whatever the rel order, and scripts", () => {
    expect(referencedAssets('<link rel="preload stylesheet" href="/x.css"><link rel="alternate" href="/f.xml"><script>1</script><script src="/y.js"></script>')).toEqual(["/x.css", "/y.js"]);
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("the guide's page weight", () => {
  let guide: BuiltGuide;
  let weights: PageWeight[];
  beforeAll(async () => {
    guide = await buildGuide();
    weights = weighSite(guide.output);
  });
  afterAll(() => guide?.cleanup());

  it(`keeps every page's first visit under ${BUDGET_BYTES / 1024} KB gzip`, () => {
    expect(weights.length).toBe(guide.htmlFiles.length);
    const over = weights.filter((w) => w.total.gzip > BUDGET_BYTES).map((w) => `${w.url}: ${w.total.gzip} bytes`);
    expect(over).toEqual([]);
  });

  it("references only our own small scripts, and none of Pagefind's", () => {
    const scripts = new Set(weights.flatMap((w) => w.assets.filter((a) => a.endsWith(".js"))));
    for (const s of scripts) {
      expect(s).toMatch(/^\/assets\/js\/[a-z-]+\.js$/);
      expect(fs.statSync(path.join(guide.output, s)).size, s).toBeLessThan(8 * 1024);
    }
    expect(scripts.size).toBeGreaterThan(0);
  });
});
