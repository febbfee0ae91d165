// The preview's search after a save: saved pages go into a small bundle of their own at once, and
// leave the main bundle in a write that nothing else waits for.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EDITS_DIR, pathShaped, writeEditsBundle } from "../../src/search/edits-bundle.ts";
import { LiveSearchIndex } from "../../src/search/live-index.ts";
import type { PagefindIndex } from "../../src/search/pagefind.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";
import { makeTempDir } from "../helpers/site.ts";

const html = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><nav>Sidebar words</nav>` +
  `<main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${body}</p></main></body></html>`;

/** A main index that records what it is given and writes only when the test says so. */
function heldIndex() {
  const added: { url: string; content: string }[] = [];
  const writes: { outputPath: string; release: () => void }[] = [];
  const index = {
    addHTMLFile: async (file: { url: string; content: string }) => {
      added.push(file);
      return { errors: [], file: { url: file.url, meta: {} } };
    },
    writeFiles: (options: { outputPath: string }) =>
      new Promise((resolve) => {
        writes.push({
          outputPath: options.outputPath,
          release: () => {
            fs.mkdirSync(options.outputPath, { recursive: true });
            fs.writeFileSync(path.join(options.outputPath, "pagefind-entry.json"), JSON.stringify({ pages: added.length }));
            resolve({ errors: [], outputPath: options.outputPath });
          },
        });
      }),
  } as unknown as PagefindIndex;
  return { index, added, writes };
}

describe("preview search after a save", () => {
  const open: LiveSearchIndex[] = [];
  afterEach(async () => {
    for (const live of open.splice(0)) await live.close();
  });

  function start(pages = 10) {
    const outputDir = makeTempDir("live-index-");
    const main = heldIndex();
    const live = new LiveSearchIndex({ open: { index: main.index, pages, close: async () => undefined }, outputDir });
    open.push(live);
    const saved = (title: string, body: string, url = `/${title.toLowerCase()}/`) => ({
      url,
      inputPath: `content${url}index.md`,
      outputPath: `${url.slice(1)}index.html`,
      content: html(title, body),
    });
    const search = async (term: string) => (await loadPagefind(editsAsMain(outputDir))).search(term);
    return { outputDir, main, live, saved, search };
  }


  it("makes a saved page searchable while the main bundle's write is still pending", async () => {
    const s = start();
    const update = s.live.update([s.saved("Guide", "The quokkamatic sensor.")]);
    let mainDone = false;
    void update.main.then(() => (mainDone = true));
    await update.edits;
    expect(mainDone).toBe(false);
    // The main index was told to drop the page's record: a document with nothing Pagefind indexes.
    await vi_waitFor(() => s.main.writes.length === 1);
    expect(s.main.added.map((a) => a.url)).toEqual(["/guide/"]);
    expect(s.main.added[0]!.content).not.toContain("data-pagefind-body");
    expect((await s.search("quokkamatic")).map((r) => [r.url, r.meta.title])).toEqual([["/guide/", "Guide"]]);
    // A second save does not queue behind the first one's main write either.
    const again = s.live.update([s.saved("Other", "A wombatish page.")]);
    await again.edits;
    expect(s.main.writes).toHaveLength(1);
    expect((await s.search("wombatish")).map((r) => r.url)).toEqual(["/other/"]);
    s.main.writes[0]!.release();
    await update.main;
    await vi_waitFor(() => s.main.writes.length === 2);
    s.main.writes[1]!.release();
    await again.main;
    expect(fs.existsSync(path.join(s.outputDir, "pagefind/pagefind-entry.json"))).toBe(true);
  });

  it("drops a page from the main bundle once: saving it again writes only the edits bundle", async () => {
    const s = start();
    const first = s.live.update([s.saved("Guide", "The quokkamatic sensor.")]);
    await first.edits;
    await vi_waitFor(() => s.main.writes.length === 1);
    s.main.writes[0]!.release();
    await first.main;
    const second = s.live.update([s.saved("Guide", "The zanzibarite sensor."), s.saved("Other", "A wombatish page.")]);
    await second.edits;
    await vi_waitFor(() => s.main.writes.length === 2);
    // Only the page new to the edits bundle was dropped from the main one.
    expect(s.main.added.map((a) => a.url)).toEqual(["/guide/", "/other/"]);
    s.main.writes[1]!.release();
    await second.main;
    const third = s.live.update([s.saved("Guide", "The xylophonic sensor.")]);
    await third.edits;
    await third.main;
    expect(s.main.writes).toHaveLength(2);
    expect(await s.search("zanzibarite")).toEqual([]);
    expect((await s.search("xylophonic")).map((r) => r.url)).toEqual(["/guide/"]);
    expect((await s.search("wombatish")).map((r) => r.url)).toEqual(["/other/"]);
  });

  it("replaces the main record of a page whose URL its file path does not give", async () => {
    const s = start();
    const odd = { ...s.saved("Odd", "The quokkamatic page."), url: "/elsewhere/" };
    const update = s.live.update([odd]);
    expect(await update.edits).toBe(0);
    await vi_waitFor(() => s.main.writes.length === 1);
    expect(s.main.added).toEqual([{ url: "/elsewhere/", content: odd.content }]);
    s.main.writes[0]!.release();
    await update.main;
    expect(fs.existsSync(path.join(s.outputDir, EDITS_DIR))).toBe(false);
  });
  it("keeps the main index's last page in it: a saved page that would empty it is replaced there instead", async () => {
    const s = start(2);
    const first = s.live.update([s.saved("Guide", "The quokkamatic sensor.")]);
    await first.edits;
    await vi_waitFor(() => s.main.writes.length === 1);
    s.main.writes[0]!.release();
    await first.main;
    const other = s.saved("Other", "A wombatish page.");
    const second = s.live.update([other]);
    await vi_waitFor(() => s.main.writes.length === 2);
    expect(s.main.added[1]).toEqual({ url: "/other/", content: other.content });
    s.main.writes[1]!.release();
    await second.main;
    expect(await second.edits).toBe(0);
    expect((await s.search("wombatish")).map((r) => r.url)).toEqual([]);
    expect((await s.search("quokkamatic")).map((r) => r.url)).toEqual(["/guide/"]);
  });
});

describe("the edits bundle", () => {
  it("gives each page the URL of its file path, and says which pages have one", async () => {
    expect(pathShaped({ url: "/a/b/", outputFile: "a/b/index.html" })).toBe(true);
    expect(pathShaped({ url: "/", outputFile: "index.html" })).toBe(true);
    expect(pathShaped({ url: "/a/b.html", outputFile: "a/b.html" })).toBe(true);
    expect(pathShaped({ url: "/a/b/", outputFile: "a/c/index.html" })).toBe(false);
    expect(pathShaped({ url: "/a b/", outputFile: "a b/index.html" })).toBe(false);

    const outputDir = makeTempDir("edits-bundle-");
    await writeEditsBundle(
      [
        { url: "/", outputFile: "index.html", content: html("Home", "The quokkamatic home.") },
        { url: "/a/b.html", outputFile: "a/b.html", content: html("Leaf", "A quokkamatic leaf.") },
      ],
      { outputDir },
    );
    const copy = editsAsMain(outputDir);
    const found = await (await loadPagefind(copy)).search("quokkamatic");
    expect(found.map((r) => r.url).sort()).toEqual(["/", "/a/b.html"]);
    // Only the page's own body is indexed, as in the main bundle.
    expect(await (await loadPagefind(copy)).search("sidebar")).toEqual([]);
    expect(fs.readdirSync(outputDir)).toEqual([EDITS_DIR]);
  });

  it("fails with a search-index error naming the step when Pagefind can't run, and leaves nothing behind", async () => {
    const outputDir = makeTempDir("edits-bundle-");
    const run = writeEditsBundle([{ url: "/", outputFile: "index.html", content: html("Home", "x") }], { outputDir, binary: path.join(outputDir, "no-such-pagefind") });
    await expect(run).rejects.toMatchObject({ code: "SEARCH_INDEX_FAILED", message: expect.stringContaining("Pagefind could not index the saved pages") });
    expect(fs.readdirSync(outputDir)).toEqual([]);
  });
});

/**
 * The edits bundle alone, as the main bundle of a copy (the main index here is a stand-in, and
 * Pagefind's module caches chunks per bundle URL, so each search loads the bundle as it is now).
 */
function editsAsMain(outputDir: string): string {
  const copy = makeTempDir("live-index-copy-");
  fs.cpSync(path.join(outputDir, EDITS_DIR), path.join(copy, "pagefind"), { recursive: true });
  return copy;
}

const vi_waitFor = (done: () => boolean) => vi.waitFor(() => expect(done()).toBe(true));
