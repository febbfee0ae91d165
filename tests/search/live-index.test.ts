// The preview's search index across saves: spliced where it can be, written by Pagefind where it
// can't, and in both cases the bundle a reader searches holds every saved page's latest words.
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { LiveSearchIndex } from "../../src/search/live-index.ts";
import type { SearchPage } from "../../src/search/pages.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";
import { makeTempDir } from "../helpers/site.ts";
import { searchPage } from "./fixture.ts";

afterAll(() => pagefind.close());

/** A page whose body is one paragraph. */
const doc = (url: string, title: string, body: string): SearchPage => searchPage(url, title, `<p>${body}</p>`);

/** The build's part: an index of these pages, its bundle written, left open for the preview. */
async function built(pages: readonly SearchPage[], written?: (bundleDir: string) => void) {
  const outputDir = makeTempDir("live-index-");
  const { index } = await pagefind.createIndex();
  for (const page of pages) await index!.addHTMLFile({ url: page.url, content: page.content });
  await index!.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
  written?.(path.join(outputDir, "pagefind"));
  const live = new LiveSearchIndex({ outputDir, open: { index: index!, close: async () => void (await pagefind.close()) } });
  /** Titles of the pages a reader's search finds, from a copy of the bundle as it is now. */
  const titles = async (term: string) => {
    const copy = makeTempDir("live-index-copy-");
    fs.cpSync(outputDir, copy, { recursive: true });
    return (await (await loadPagefind(copy)).search(term)).map((r) => r.meta.title).sort();
  };
  const entry = () => fs.readFileSync(path.join(outputDir, "pagefind", "pagefind-entry.json"), "utf8");
  return { outputDir, live, titles, entry };
}

const A = doc("/a/", "Alpha", "The zanzibarite collector.");
const B = doc("/b/", "Beta", "Spans and the collector.");
const CAFE = doc("/c/", "Cafe", "The café and the cafe.");

describe("LiveSearchIndex", () => {
  it("splices a saved page into the bundle: its new words are found and its old ones are not", async () => {
    const site = await built([A, B]);
    const before = site.entry();
    const update = await site.live.update([doc("/a/", "Alpha", "The quokkamatic collector.")]);
    expect(update).toMatchObject({ spliced: true });
    expect(site.entry()).not.toBe(before);
    expect(await site.titles("quokkamatic")).toEqual(["Alpha"]);
    expect(await site.titles("zanzibarite")).toEqual([]);
    expect(await site.titles("collector")).toEqual(["Alpha", "Beta"]);
    // Pagefind's own files are untouched.
    expect(fs.existsSync(path.join(site.outputDir, "pagefind", "pagefind.js"))).toBe(true);
    await site.live.close();
  });

  it("has Pagefind write a save the splice refuses, with every page spliced before it, then splices again", async () => {
    const site = await built([A, B, CAFE]);
    expect(await site.live.update([doc("/a/", "Alpha", "The quokkamatic collector.")])).toMatchObject({ spliced: true });
    // The cafe page's words have diacritic variants: Pagefind writes the bundle.
    const refused = await site.live.update([doc("/c/", "Cafe", "The cafe is closed.")]);
    expect(refused).toEqual({ spliced: false, reason: expect.stringMatching(/diacritic/), milliseconds: expect.any(Number) });
    // Pagefind's index had the first save too: the page it wrote is the saved one, not the built one.
    expect(await site.titles("quokkamatic")).toEqual(["Alpha"]);
    expect(await site.titles("zanzibarite")).toEqual([]);
    expect(await site.titles("closed")).toEqual(["Cafe"]);
    // The bundle Pagefind wrote has no variants left, and is read again for the next save.
    expect(await site.live.update([doc("/b/", "Beta", "Spans and the ingester.")])).toMatchObject({ spliced: true });
    expect(await site.titles("ingester")).toEqual(["Beta"]);
    expect(await site.titles("closed")).toEqual(["Cafe"]);
    expect(await site.titles("quokkamatic")).toEqual(["Alpha"]);
    await site.live.close();
  });

  it("has Pagefind write every save while the bundle on disk can't be spliced, and says why", async () => {
    // A bundle of another Pagefind version (as if the lockfile moved on): the splice does not read it.
    const site = await built([A, B], (dir) => {
      const entry = path.join(dir, "pagefind-entry.json");
      fs.writeFileSync(entry, fs.readFileSync(entry, "utf8").replace(/"version":"[^"]+"/, '"version":"1.5.0"'));
    });
    expect(await site.live.update([doc("/b/", "Beta", "Spans and the ingester.")])).toMatchObject({ spliced: false, reason: expect.stringMatching(/Pagefind 1\.5\.0/) });
    expect(await site.titles("ingester")).toEqual(["Beta"]);
    // Pagefind wrote its own version's bundle, which the splice reads.
    expect(await site.live.update([doc("/b/", "Beta", "Spans and the exporter.")])).toMatchObject({ spliced: true });
    expect(await site.titles("exporter")).toEqual(["Beta"]);
    expect(await site.titles("ingester")).toEqual([]);
    await site.live.close();
  });

  it("writes the first bundle with Pagefind when the build left none, then splices", async () => {
    const outputDir = makeTempDir("live-index-");
    const live = new LiveSearchIndex({ outputDir, pages: [A, B] });
    // No bundle yet: the first save writes it.
    expect(await live.update([doc("/b/", "Beta", "Spans and the ingester.")])).toMatchObject({ spliced: false, reason: expect.stringMatching(/first time/) });
    expect(await live.update([doc("/b/", "Beta", "Spans and the exporter.")])).toMatchObject({ spliced: true });
    const copy = makeTempDir("live-index-copy-");
    fs.cpSync(outputDir, copy, { recursive: true });
    const search = await loadPagefind(copy);
    expect((await search.search("exporter")).map((r) => r.meta.title)).toEqual(["Beta"]);
    expect(await search.search("ingester")).toEqual([]);
    await live.close();
  });
});
