// The spliced bundle against the one Pagefind writes: after a save is spliced in, the bundle must
// hold the records Pagefind itself writes for the same pages in the same order, and search the same.
// Records are decoded here with cborg, not with the module's own byte codec.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { decode } from "cborg";
import * as pagefind from "pagefind";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { chunkBounds, compareWords, PagefindBundle, type BundleFile } from "../../src/search/bundle-patch.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";
import type { SearchPage } from "../../src/search/pages.ts";
import { searchPage } from "./fixture.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-patch-"));
afterAll(async () => {
  await pagefind.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const doc = searchPage;

async function indexOf(pages: readonly SearchPage[]) {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(errors.join("; "));
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: page.content });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  }
  return index;
}

/** A site folder holding the bundle Pagefind writes for these pages, in this order. */
async function written(name: string, pages: readonly SearchPage[]): Promise<string> {
  const site = path.join(root, name);
  fs.rmSync(site, { recursive: true, force: true });
  const index = await indexOf(pages);
  await index.writeFiles({ outputPath: path.join(site, "pagefind") });
  await index.deleteIndex();
  return site;
}

/** The files of a scratch index holding these pages alone, as the preview makes one for a save. */
async function scratch(pages: readonly SearchPage[]): Promise<BundleFile[]> {
  const index = await indexOf(pages);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files;
}

const unpack = (file: string): unknown => decode(zlib.gunzipSync(fs.readFileSync(file)).subarray("pagefind_dcd".length));

/** Every record of a bundle, decoded and keyed so that two bundles of the same pages compare equal however their words are chunked. */
function records(site: string) {
  const dir = path.join(site, "pagefind");
  const entry = JSON.parse(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string; page_count: number }> };
  const [language] = Object.values(entry.languages);
  const meta = unpack(path.join(dir, `pagefind.${language!.hash}.pf_meta`)) as [string, [string, number, string][], [string, string, string][], [string, string][], unknown[], string[]];
  const words: Record<string, unknown> = {};
  for (const [, , hash] of meta[2]) for (const [word, postings, variants] of (unpack(path.join(dir, "index", `${hash}.pf_index`)) as [[string, unknown[], unknown[]][]])[0]) words[word] = { postings, variants };
  const filters: Record<string, unknown> = {};
  for (const [name, hash] of meta[3]) {
    const [filter, values] = unpack(path.join(dir, "filter", `${hash}.pf_filter`)) as [string, [string, number[]][]];
    filters[filter] = Object.fromEntries(values);
    expect(filter).toBe(name);
  }
  const pages = meta[1].map(([hash, wordCount, group]) => ({
    fragment: JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, "fragment", `${hash}.pf_fragment`))).subarray("pagefind_dcd".length).toString("utf8")) as unknown,
    hash,
    wordCount,
    group,
  }));
  return { version: meta[0], pageCount: language!.page_count, pages, words, filters, sorts: meta[4], metaFields: meta[5], chunks: meta[2].length };
}

function sameRecords(patched: string, fresh: string): void {
  const { chunks: _a, ...mine } = records(patched);
  const { chunks: _b, ...theirs } = records(fresh);
  expect(mine).toEqual(theirs);
}

const QUERIES = ["collector", "quokkamatic", "zebrafish", "sampling", "s", "a", "adapt", "span storage", "tail-based", "waits"];

async function sameSearches(patched: string, fresh: string, queries: readonly string[] = QUERIES): Promise<void> {
  const mine = await loadPagefind(patched);
  const theirs = await loadPagefind(fresh);
  for (const q of queries) expect(await mine.scored(q), q).toEqual(await theirs.scored(q));
  expect(await mine.filters()).toEqual(await theirs.filters());
  for (const tag of ["ops", "intro", "storage"]) expect(await mine.scored("the", { filters: { tag } }), tag).toEqual(await theirs.scored("the", { filters: { tag } }));
}

const A = doc("/a/", "Adaptive sampling", "<p>The collector samples adaptively. A quokkamatic sensor at 1.8 s.</p>", { tag: ["intro", "sampling"] });
const B = doc("/b/", "Span storage", "<p>The collector writes spans to storage.</p><h2 id='cassandra'>Cassandra</h2><p>Tables and the keyspace.</p>", { tag: ["storage"] });
const C = doc("/c/", "Tail-based sampling", "<p>The tail-based sampler waits for the whole trace. Quokkamatic decisions.</p>", { tag: ["sampling"], plan: ["Pro"] });
const D = doc("/d/", "Operations", "<p>Run the collector on two hosts. Watch the queue.</p>", { tag: ["ops"] });
const E = doc("/e/", "Glossary", "<p>A span is one operation of a trace.</p>");
const C2 = doc("/c/", "Tail-based sampling", "<p>The tail-based sampler keeps a zebrafish of every trace, and waits.</p><h2 id='limits'>Limits</h2><p>Memory holds the spans.</p>", { tag: ["ops"], plan: ["Pro", "Enterprise"] });

/** `n` made-up words, a different mix for each seed. */
const vocabulary = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `q${String((i * 7919 + seed * 104_729) % 997).padStart(3, "0")}z`).join(" ");

describe("chunkBounds", () => {
  const chunk = (...words: string[]) => ({ words, name: "h" });

  it("cuts neighbouring bounds one character past their common prefix, keeping an end that would sort before its start", () => {
    expect(chunkBounds([chunk("apple"), chunk("apricot", "banana"), chunk("peach")])).toEqual([
      ["apple", "apple", "h"], // "app" sorts before "apple"
      ["apr", "b", "h"],
      ["p", "peach", "h"],
    ]);
    expect(chunkBounds([chunk("agent", "and"), chunk("api")])).toEqual([["agent", "an", "h"], ["ap", "api", "h"]]);
    expect(chunkBounds([chunk("only")])).toEqual([["only", "only", "h"]]);
  });

  it("counts characters, not UTF-16 units, and orders words by code point", () => {
    expect(chunkBounds([chunk("a", "a😀b"), chunk("a😀c")])).toEqual([["a", "a😀b", "h"], ["a😀c", "a😀c", "h"]]);
    // U+1F600 is after U+FF5E by code point (and UTF-8 bytes), before it by UTF-16 unit.
    expect(["a\u{1F600}", "a\uFF5E", "a"].sort(compareWords)).toEqual(["a", "a\uFF5E", "a\u{1F600}"]);
  });

  it("gives the bounds Pagefind writes for a bundle of several chunks", async () => {
    // About 64,000 postings and positions: four of Pagefind's chunks.
    const words = (seed: number) => Array.from({ length: 400 }, (_, i) => `${["ab", "abc", "b", "ba", "c", "cab"][(i + seed) % 6]}${((i * 37 + seed * 11) % 211).toString(36)}`).join(" ");
    const site = await written("bounds", Array.from({ length: 150 }, (_, i) => doc(`/b${i}/`, `B ${i}`, `<p>${words(i)}</p>`)));
    const dir = path.join(site, "pagefind");
    const entry = JSON.parse(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
    const meta = unpack(path.join(dir, `pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`)) as [string, unknown, [string, string, string][]];
    expect(meta[2].length).toBeGreaterThanOrEqual(3);
    const chunks = meta[2].map(([, , name]) => ({ words: (unpack(path.join(dir, "index", `${name}.pf_index`)) as [[string][]])[0].map(([w]) => w), name }));
    expect(chunkBounds(chunks)).toEqual(meta[2]);
  });
});

describe("PagefindBundle", () => {
  let site: string;
  beforeEach(async () => {
    site = await written("patched", [A, B, C, D, E]);
  });

  it("splices a saved page into the records Pagefind writes for the edited site", async () => {
    const bundle = await PagefindBundle.load(path.join(site, "pagefind"));
    const before = records(site);
    const outcome = await bundle.apply(await scratch([C2]));
    expect(outcome).toMatchObject({ patched: true, pages: 1 });
    const fresh = await written("fresh-c2", [A, B, C2, D, E]);
    sameRecords(site, fresh);
    await sameSearches(site, fresh);
    // The saved page's old words are gone, its new ones found, and the bundle was replaced, not kept.
    const after = records(site);
    expect(before.words).toHaveProperty("decis");
    expect(after.words).not.toHaveProperty("decis");
    expect(after.words).toHaveProperty("zebrafish");
    expect(after.filters).not.toEqual(before.filters);
  });

  it("adds a page it did not have after the last, and splices several saves in a row", async () => {
    const bundle = await PagefindBundle.load(path.join(site, "pagefind"));
    const F = doc("/f/", "Zebrafish traces", "<p>A new page about zebrafish and the collector.</p>", { tag: ["intro"] });
    expect(await bundle.apply(await scratch([F]))).toMatchObject({ patched: true });
    expect(bundle.pageCount).toBe(6);
    expect(await bundle.apply(await scratch([C2]))).toMatchObject({ patched: true });
    const A2 = doc("/a/", "Adaptive sampling", "<p>Rewritten: sampling adapts to load.</p>", { tag: ["sampling"] });
    // "waits" is on the scratch index's second and third pages only: its pages are stored 1, then +1.
    const D2 = doc("/d/", "Operations", "<p>Run the collector on two hosts; it waits.</p>", { tag: ["ops", "intro"] });
    expect(await bundle.apply(await scratch([A2, C, D2]))).toMatchObject({ patched: true, pages: 3 });
    const fresh = await written("fresh-f", [A2, B, C, D2, E, F]);
    sameRecords(site, fresh);
    await sameSearches(site, fresh);
  });

  it("moves words between small chunks and bounds them as Pagefind does", async () => {
    // Many words, and chunks of a few postings: each save crosses chunk bounds, splits chunks and
    // empties some. The words have one length, so none extends another: a search for a prefix finds
    // only the chunks whose bounds take it in (in Pagefind's own bundles too), and the fresh bundle
    // here is one chunk.
    const pages = Array.from({ length: 12 }, (_, i) => doc(`/p${i}/`, `Page ${i}`, `<p>${vocabulary(i, 40)}</p>`, { tag: [`t${i % 3}`] }));
    site = await written("chunks", pages);
    const bundle = await PagefindBundle.load(path.join(site, "pagefind"), { chunkSize: 12 });
    const edited = [...pages];
    for (const [at, seed] of [[3, 50], [0, 51], [11, 52], [3, 53]] as const) {
      edited[at] = doc(`/p${at}/`, `Page ${at}`, `<p>${vocabulary(seed, 25 + seed % 4)}</p>`, { tag: [`t${seed % 5}`] });
      expect(await bundle.apply(await scratch([edited[at]!]))).toMatchObject({ patched: true });
    }
    const fresh = await written("chunks-fresh", edited);
    sameRecords(site, fresh);
    expect(records(site).chunks).toBeGreaterThan(20);
    const all = Object.keys(records(fresh).words);
    const words = all.filter((w) => !all.some((other) => other !== w && other.startsWith(w)));
    expect(words.length).toBeGreaterThan(200);
    await sameSearches(site, fresh, [...words, "zz"]);
  });

  it("packages a bundle so that an edit spliced into it is byte for byte the packaged bundle of the edited site", async () => {
    // Chunks of a few postings, so the edits move words across many chunk bounds.
    const pages = Array.from({ length: 12 }, (_, i) => doc(`/p${i}/`, `Page ${i}`, `<p>${vocabulary(i, 40)}</p>`, { tag: [`t${i % 3}`] }));
    const options = { chunkSize: 12 };
    site = await written("packaged", pages);
    const dir = path.join(site, "pagefind");
    await PagefindBundle.package(dir, options);
    const edited = [...pages];
    edited[3] = doc("/p3/", "Page 3", `<p>${vocabulary(50, 27)}</p>`, { tag: ["t4"] });
    edited[11] = doc("/p11/", "Page 11", `<p>${vocabulary(51, 31)} zebrafish</p>`, { tag: ["t0", "t9"] });
    const bundle = await PagefindBundle.load(dir, options);
    expect(await bundle.apply(await scratch([edited[3]!]), { packaged: true })).toMatchObject({ patched: true });
    expect(await bundle.apply(await scratch([edited[11]!]), { packaged: true })).toMatchObject({ patched: true });

    const fresh = await written("packaged-fresh", edited);
    await PagefindBundle.package(path.join(fresh, "pagefind"), options);
    const files = (root: string) => fs.readdirSync(root, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();
    expect(files(dir)).toEqual(files(path.join(fresh, "pagefind")));
    for (const f of files(dir)) expect(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(fresh, "pagefind", f))), f).toBe(true);
    expect(records(site).chunks).toBeGreaterThan(20);
    // Pagefind's own chunk, filter and metadata files are gone; its fragments stay.
    expect(files(dir).filter((f) => /\.pf_(index|filter|meta)$/.test(f)).every((f) => /_[0-9a-f]{10}\.pf_/.test(f))).toBe(true);
    await sameSearches(site, await written("packaged-pagefind", edited), ["zebrafish", "t4", ...vocabulary(50, 27).split(" ").slice(0, 8)]);
  });

  it("deletes the files of the bundle before last, and no file the current one names", async () => {
    const dir = path.join(site, "pagefind");
    const bundle = await PagefindBundle.load(dir);
    const listing = () => new Set(fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.pf_(index|filter|fragment|meta)$/.test(f)));
    const original = listing();
    await bundle.apply(await scratch([C2]));
    const first = listing();
    // A reader that loaded the original bundle can still finish its search.
    for (const f of original) expect(first.has(f), f).toBe(true);
    await bundle.apply(await scratch([C]));
    await bundle.apply(await scratch([C2]));
    const now = listing();
    const named = records(site);
    expect(named.pages.every((p) => now.has(path.join("fragment", `${p.hash}.pf_fragment`)))).toBe(true);
    // The chunk and meta files only the original bundle named are gone.
    const gone = [...original].filter((f) => !now.has(f));
    expect(gone.some((f) => f.startsWith("index"))).toBe(true);
    expect(gone.some((f) => f.endsWith(".pf_meta"))).toBe(true);
    expect([...now].filter((f) => f.endsWith(".pf_meta"))).toHaveLength(2);
  });

  it("refuses, without writing, a save it does not cover: words with diacritic variants", async () => {
    const accented = [doc("/a/", "Café", "<p>The café serves coffee.</p>"), doc("/b/", "Cafe", "<p>The cafe is open.</p>")];
    site = await written("variants", accented);
    const dir = path.join(site, "pagefind");
    const bundle = await PagefindBundle.load(dir);
    const entry = fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8");
    const outcome = await bundle.apply(await scratch([doc("/b/", "Cafe", "<p>The cafe is closed.</p>")]));
    expect(outcome).toEqual({ patched: false, reason: expect.stringMatching(/diacritic/) });
    expect(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")).toBe(entry);
    // The page with the accented form is listed under the word's variant only; it is refused too.
    const accentedOnly = await bundle.apply(await scratch([doc("/a/", "Tea", "<p>Tea only.</p>")]));
    expect(accentedOnly).toEqual({ patched: false, reason: expect.stringMatching(/diacritic/) });
    expect(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")).toBe(entry);
    // A page without those words is still spliced.
    expect(await bundle.apply(await scratch([doc("/c/", "Tea", "<p>Green tea only.</p>")]))).toMatchObject({ patched: true });
  });

  it("refuses a bundle of another Pagefind version when it loads", async () => {
    const dir = path.join(site, "pagefind");
    const file = path.join(dir, "pagefind-entry.json");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/"version":"[^"]+"/, '"version":"9.9.9"'));
    await expect(PagefindBundle.load(dir)).rejects.toThrow(/Pagefind 9\.9\.9/);
  });
});
