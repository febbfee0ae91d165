// Builds the fixture with Debian's `jekyll build` and with ours, and compares them page by page:
// the same output files, and for each page the same content structure (our `.prose` region against
// the body of the fixture's minimal Jekyll layout, `<main>`).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../helpers/html.ts";
import { buildOurs, buildWithJekyll, jekyllUnavailable, listFiles, type Built } from "./fixture.ts";
import { contentStructure } from "./structure.ts";

const missing = jekyllUnavailable();
if (missing) {
  if (process.env.CI === "true") throw new Error(`${missing}. The Jekyll comparison cannot be skipped under CI=true.`);
  console.warn(`\n!!! JEKYLL COMPARISON SKIPPED !!! ${missing}\n`);
}

describe.skipIf(missing !== undefined)("the fixture Jekyll project, against jekyll build", () => {
  let jekyll: string;
  let ours: Built;
  beforeAll(async () => {
    jekyll = buildWithJekyll();
    ours = await buildOurs();
  }, 180_000);

  it("writes the same pages and copies the same files", () => {
    const theirs = listFiles(jekyll);
    // Ours adds the theme (assets/, search index, tag/contributor/404 pages, sitemap…), never a page of the project's.
    const projectPages = ours.outcome.ctx.scan!.pages.map((p) => p.outputFile).sort();
    expect(projectPages).toEqual(theirs.filter((f) => f.endsWith(".html")));
    for (const file of theirs) expect(ours.exists(file), file).toBe(true);
  });

  it("renders every page's content with the same structure", () => {
    const pages = listFiles(jekyll).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const file of pages) {
      const reference = parseDocument(fs.readFileSync(path.join(jekyll, file), "utf8")).querySelector("main")!;
      const ourContent = ours.page(file).querySelector("main .prose")!;
      expect(ourContent, file).not.toBeNull();
      expect(contentStructure(ourContent), file).toEqual(contentStructure(reference));
    }
  });
});
