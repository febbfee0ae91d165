// The preview's search in shards (src/search/shards.ts): every page is in exactly one bundle, the
// bundles merge into one search (in Node, and in Chromium through the served pages' meta tag), and a
// save rewrites only its own shard's bundle.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { serve, type DevServer } from "../../src/serve/dev-server.ts";
import { ShardBundles, shardCount, shardOf } from "../../src/search/shards.ts";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { parseDocument } from "../helpers/html.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";

// A made-up word per page, so a search names exactly one page.
const WORDS = ["alderwick", "brambleton", "corrigan", "dunmorrow", "elsinbeck", "fallowmere", "gristhorpe", "hollinsby"];
const pageFile = (n: number) => `page-${n}.md`;
const pageText = (n: number, word: string) => `---\ntitle: Page ${n}\n---\n## About\n\nThe ${word} sensor.\n`;
const FILES = Object.fromEntries(WORDS.map((word, n) => [pageFile(n), pageText(n, word)]));

describe("shards", () => {
  it("splits a site into bundles of at most the given size, and one bundle up to it", () => {
    expect(shardCount(0, 250)).toBe(1);
    expect(shardCount(250, 250)).toBe(1);
    expect(shardCount(251, 250)).toBe(2);
    expect(shardCount(4001, 250)).toBe(17);
    expect(() => shardCount(10, 0)).toThrow(RangeError);
  });

  it("puts a URL in the same shard every time, and spreads similar URLs over every shard", () => {
    const urls = Array.from({ length: 4000 }, (_, i) => `/guide/section-${i % 40}/page-${i}/`);
    const sizes = new Array<number>(16).fill(0);
    for (const url of urls) {
      const n = shardOf(url, 16);
      expect(shardOf(url, 16)).toBe(n);
      sizes[n]!++;
    }
    // 250 per shard on average; a hash that clumped similar URLs would leave some near empty.
    expect(Math.min(...sizes)).toBeGreaterThan(180);
    expect(Math.max(...sizes)).toBeLessThan(320);
    expect(shardOf("/any/", 1)).toBe(0);
  });

  // A stand-in for Pagefind's writer: a bundle is only its entry file, with this many pages per shard.
  const fakeWriter = (outputDir: string, pages: number[]) => async (n: number, dir: string) => {
    const languages = pages[n]! > 0 ? { en: { hash: `en_${n}`, wasm: "en", page_count: pages[n] } } : {};
    writeFiles(path.join(outputDir, dir), { "pagefind-entry.json": JSON.stringify({ version: "1.6.0", languages }) });
  };
  const bundleDirs = (outputDir: string) => [
    ...(fs.existsSync(path.join(outputDir, "pagefind")) ? ["pagefind"] : []),
    ...(fs.existsSync(path.join(outputDir, "pagefind-shards")) ? fs.readdirSync(path.join(outputDir, "pagefind-shards")).sort().map((d) => `pagefind-shards/${d}`) : []),
  ];

  it("serves the first shard with pages at pagefind/, merges the others, and gives none to an empty shard", async () => {
    const out = makeTempDir("shard-bundles-");
    const bundles = await ShardBundles.writeAll(out, 4, fakeWriter(out, [0, 3, 0, 2]));
    expect(bundleDirs(out)).toEqual(["pagefind", "pagefind-shards/3"]);
    expect(JSON.parse(fs.readFileSync(path.join(out, "pagefind/pagefind-entry.json"), "utf8")).languages.en.hash).toBe("en_1");
    expect(bundles.merged()).toEqual(["pagefind-shards/3/"]);

    // A save fills the empty shard 2 (it gets a bundle) and empties shard 3 (it loses its own).
    await bundles.rewrite(out, 2, fakeWriter(out, [0, 3, 1, 2]));
    await bundles.rewrite(out, 3, fakeWriter(out, [0, 3, 1, 0]));
    expect(bundles.merged()).toEqual(["pagefind-shards/2/"]);
    expect(bundleDirs(out)).toEqual(["pagefind", "pagefind-shards/2"]);
    // The first bundle cannot go: the search loads it.
    await expect(bundles.rewrite(out, 1, fakeWriter(out, [0, 0, 1, 0]))).rejects.toThrow(/first search bundle/);
  });

  it("writes one plain bundle without shards, also with no pages", async () => {
    const out = makeTempDir("shard-bundles-");
    const bundles = await ShardBundles.writeAll(out, 1, fakeWriter(out, [0]));
    expect(bundleDirs(out)).toEqual(["pagefind"]);
    expect(bundles.merged()).toEqual([]);
  });
});

describe("the preview's search in shards", () => {
  const servers: DevServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  async function start(prefix?: string) {
    const root = makeTempDir("search-shards-");
    const input = path.join(root, "content");
    const output = path.join(root, "_site");
    writeFiles(input, FILES);
    if (prefix) writeFiles(root, { "_data/site.yaml": `title: Sharded\nbaseurl: ${prefix}\n` });
    // Three pages a bundle: the eight pages (plus the generated ones) need several.
    const server = await serve({ input, output, searchPagesPerShard: 3 }, { port: 0, host: "127.0.0.1", debounceMs: 600_000 });
    servers.push(server);
    /** The bundles the served pages tell the search to merge. */
    const merged = async () => {
      const html = await (await fetch(new URL("page-0/", server.url))).text();
      const meta = parseDocument(html).querySelector('meta[name="pagefind-merge"]');
      return (meta?.getAttribute("content") ?? "").split(" ").filter(Boolean);
    };
    /** Search a copy of the served bundles (Node caches Pagefind's module by path), the first alone or with `merge`. */
    const search = async (term: string, merge: string[]) => {
      const copy = makeTempDir("search-shards-copy-");
      fs.cpSync(output, copy, { recursive: true });
      return (await (await loadPagefind(copy, { merge })).search(term)).map((r) => r.meta.title);
    };
    /** The titles of the pages in one bundle, searched on its own. */
    const titlesIn = async (bundle: string) => {
      const copy = makeTempDir("search-shards-one-");
      fs.cpSync(path.join(output, bundle), path.join(copy, "pagefind"), { recursive: true });
      return (await (await loadPagefind(copy)).search("sensor")).map((r) => r.meta.title);
    };
    const entry = (bundle: string) => fs.readFileSync(path.join(output, bundle, "pagefind-entry.json"), "utf8");
    const save = async (n: number, word: string) => {
      fs.writeFileSync(path.join(input, pageFile(n)), pageText(n, word));
      await server.changed([path.join(input, pageFile(n))]);
      await server.searchSettled();
    };
    return { server, output, merged, search, titlesIn, entry, save };
  }

  it("holds every page in exactly one bundle, and finds each through the merged search", async () => {
    const site = await start();
    const merged = await site.merged();
    expect(merged.length).toBeGreaterThan(1);
    const bundles = ["pagefind/", ...merged];
    const perBundle = await Promise.all(bundles.map((b) => site.titlesIn(b)));
    for (const titles of perBundle) expect(titles.length).toBeGreaterThan(0);
    const all = perBundle.flat();
    expect(all.sort()).toEqual(WORDS.map((_, n) => `Page ${n}`).sort());
    for (const [n, word] of WORDS.entries()) expect(await site.search(word, merged)).toEqual([`Page ${n}`]);
    // Without the merge, the first bundle alone misses the other bundles' pages.
    expect((await site.search("sensor", [])).length).toBe(perBundle[0]!.length);
  });

  it("rewrites only the saved page's bundle, and the merged search has its new words and not its old", async () => {
    const site = await start();
    const merged = await site.merged();
    const bundles = ["pagefind/", ...merged];
    const holder = (await Promise.all(bundles.map((b) => site.titlesIn(b)))).findIndex((titles) => titles.includes("Page 5"));
    const before = bundles.map((b) => site.entry(b));

    await site.save(5, "quokkamatic");
    const after = bundles.map((b) => site.entry(b));
    expect(after.map((e, i) => e !== before[i])).toEqual(bundles.map((_, i) => i === holder));
    expect(await site.search("quokkamatic", merged)).toEqual(["Page 5"]);
    expect(await site.search(WORDS[5]!, merged)).toEqual([]);
    expect((await site.search("sensor", merged)).length).toBe(WORDS.length);
  });

  describe.skipIf(!hasChromium)("in Chromium", () => {
    let browser: Browser | undefined;
    afterAll(async () => {
      await browser?.close();
    });

    it("finds a page from a merged bundle in the search dialog, linked under the site's prefix", async () => {
      const site = await start("/docs");
      const merged = await site.merged();
      // A page that is not in the first bundle: only the merge can find it.
      const first = await site.titlesIn("pagefind/");
      const n = WORDS.findIndex((_, i) => !first.includes(`Page ${i}`));
      expect(n).toBeGreaterThanOrEqual(0);
      expect(merged.length).toBeGreaterThan(0);

      browser ??= await launchChromium();
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(new URL("page-0/", site.server.url).href);
      await page.keyboard.press("/");
      const input = page.locator(".pagefind-ui__search-input");
      await input.waitFor();
      await input.fill(WORDS[n]!);
      const link = page.locator(".pagefind-ui__result-link").first();
      await link.waitFor();
      expect(await page.locator(".pagefind-ui__result").count()).toBe(1);
      expect(await link.textContent()).toBe(`Page ${n}`);
      const href = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href));
      expect(href.pathname).toBe(`/docs/page-${n}/`);
      // The opened page marks the term, as from the first bundle's results.
      expect(href.searchParams.get("highlight")).toBe(WORDS[n]);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
