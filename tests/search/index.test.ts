// The search stage end to end on a fixture site: Eleventy builds, Pagefind indexes in the same
// process, and the written index is queried from Node.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { globsOf, openIndex } from "../../src/search/pagefind.ts";
import { loadPagefind, type NodePagefind } from "../helpers/pagefind-node.ts";
import { fakePagefind, fixtureSite, page, type FixtureSite } from "./fixture.ts";

describe("search index of a fixture site", () => {
  let site: FixtureSite;
  let pagefind: NodePagefind;

  beforeAll(async () => {
    site = await fixtureSite({
      "sampling.html": page({
        title: "Sampling strategies",
        body: `<p>Head sampling decides early.</p><h2 id="adaptive">Adaptive sampling</h2><p>The quokkaword collector adapts.</p>`,
        tags: ["sampling"],
        plans: ["Pro", "Enterprise"],
      }),
      "storage.html": page({
        title: "Storage backends",
        body: `<p>The collector writes spans to Cassandra or Elasticsearch.</p>`,
        tags: ["storage"],
        plans: ["Community", "Pro", "Enterprise"],
        beta: true,
      }),
      "drafts.html": page({ title: "Draft notes", body: `<p>The collector secretword draft.</p>`, frontMatter: "search: false" }),
      "robots.html": `---\npermalink: /robots.txt\n---\nUser-agent: *\n`,
    });
    await site.build();
    pagefind = await loadPagefind(site.output);
  });
  afterAll(() => site.remove());

  it("builds without diagnostics and logs one line with the page count", () => {
    expect(site.diagnostics.sorted()).toEqual([]);
    expect(site.log).toHaveLength(1);
    // sampling and storage; the search: false page and robots.txt are not indexed.
    expect(site.log[0]).toMatch(/^Search: indexed 2 pages in \d+ ms$/);
  });

  it("finds the one page holding a unique word, with its title and a sub-result for the heading", async () => {
    const results = await pagefind.search("quokkaword");
    expect(results.map((r) => r.url)).toEqual(["/sampling/"]);
    expect(results[0]!.meta.title).toBe("Sampling strategies");
    const sub = results[0]!.sub_results.find((s) => s.anchor?.id === "adaptive");
    expect(sub?.url).toBe("/sampling/#adaptive");
  });

  it("leaves out site chrome marked data-pagefind-ignore", async () => {
    expect(await pagefind.search("navword")).toEqual([]);
  });

  it("narrows results with the tag, plan and beta filters", async () => {
    const all = await pagefind.search("collector");
    expect(all.map((r) => r.url).sort()).toEqual(["/sampling/", "/storage/"]);
    expect((await pagefind.search("collector", { filters: { tag: "storage" } })).map((r) => r.url)).toEqual(["/storage/"]);
    expect((await pagefind.search("collector", { filters: { plan: "Community" } })).map((r) => r.url)).toEqual(["/storage/"]);
    expect((await pagefind.search("collector", { filters: { beta: "Beta" } })).map((r) => r.url)).toEqual(["/storage/"]);
    expect(await pagefind.filters()).toEqual({
      tag: { sampling: 1, storage: 1 },
      plan: { Community: 1, Pro: 2, Enterprise: 2 },
      beta: { Beta: 1 },
    });
  });

  it("does not index a search: false page", async () => {
    expect(await pagefind.search("secretword")).toEqual([]);
  });

  it("writes Pagefind's UI files into the bundle and leaves no temporary folder", () => {
    for (const file of ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js"]) {
      expect(fs.existsSync(path.join(site.output, "pagefind", file)), file).toBe(true);
    }
    expect(fs.readdirSync(site.output).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("search index of pages Pagefind reads from disk", () => {
  it("indexes a page whose file name a glob would misread, and leaves out a search: false page of a layout without data-pagefind-body", async () => {
    // Without data-pagefind-body on any page (a Jekyll project's own layouts), Pagefind indexes
    // every HTML file it is given: only the pages the build lists may reach it.
    const plain = (title: string, body: string, extra = "") =>
      `---\ntitle: ${title}\n${extra}---\n<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>\n`;
    const site = await fixtureSite({
      "a.html": plain("Alpha", "<p>alphaword</p>"),
      "odd {name}, [1].html": plain("Odd", "<p>zebraword</p>"),
      "hidden.html": plain("Hidden", "<p>secretword</p>", "search: false\n"),
    });
    try {
      await site.build();
      expect(site.diagnostics.sorted()).toEqual([]);
      expect(site.log[0]).toMatch(/^Search: indexed 2 pages in \d+ ms$/);
      const pagefind = await loadPagefind(site.output);
      expect((await pagefind.search("alphaword")).map((r) => r.meta.title)).toEqual(["Alpha"]);
      expect((await pagefind.search("zebraword")).map((r) => r.meta.title)).toEqual(["Odd"]);
      expect(await pagefind.search("secretword")).toEqual([]);
    } finally {
      await site.remove();
    }
  });
});

describe("search index across rebuilds (the writers' preview)", () => {
  for (const incremental of [false, true]) {
    it(`is updated after each ${incremental ? "incremental " : ""}rebuild: a changed page, a page switched to search: false`, async () => {
      const site = await fixtureSite(
        {
          "a.html": page({ title: "A", body: "<p>firstword here</p>" }),
          "b.html": page({ title: "B", body: "<p>stayword here</p>" }),
          "c.html": page({ title: "C", body: "<p>untouchedword here</p>" }),
        },
        { mode: "serve" },
      );
      try {
        const first = site.nextIndexed();
        await site.watch(incremental);
        await first;
        expect((await (await loadPagefind(site.output)).search("firstword")).map((r) => r.url)).toEqual(["/a/"]);

        const changed = site.nextIndexed();
        await site.write("a.html", page({ title: "A", body: "<p>secondword here</p>" }));
        await changed;
        const switched = site.nextIndexed();
        await site.write("b.html", page({ title: "B", body: "<p>stayword here</p>", frontMatter: "search: false" }));
        await switched;

        const after = await loadPagefind(site.output);
        expect(await after.search("firstword")).toEqual([]);
        expect((await after.search("secondword")).map((r) => r.url)).toEqual(["/a/"]);
        expect(await after.search("stayword")).toEqual([]);
        // A page no rebuild touched stays findable: Eleventy lists it in `results` even after an
        // incremental rebuild, which the search stage relies on.
        expect((await after.search("untouchedword")).map((r) => r.url)).toEqual(["/c/"]);
        expect(site.diagnostics.sorted()).toEqual([]);
      } finally {
        await site.remove();
      }
    });
  }
});

describe("pages Pagefind reads from disk in several calls", () => {
  it("lists files in globs of bounded size, and indexes every page across the calls", async () => {
    expect(globsOf(["a/index.html", "b/index.html", "c.html"], 2)).toEqual(["{a/index.html,b/index.html}", "c.html"]);
    expect(globsOf(["aaaa.html", "bbbb.html", "cccc.html"], 10, 20)).toEqual(["{aaaa.html,bbbb.html}", "cccc.html"]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pagefind-calls-"));
    try {
      const pages = ["one", "two", "three", "four", "five"].map((word) => {
        const file = path.join(dir, word, "index.html");
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const content = `<!doctype html><html lang="en"><head><title>${word}</title></head><body><main data-pagefind-body><h1>${word}</h1><p>${word}word</p></main></body></html>`;
        fs.writeFileSync(file, content);
        return { url: `/${word}/`, content, inputPath: `${word}.md`, outputPath: file };
      });
      const session = openIndex({ filesPerCall: 2 });
      session.addWritten(dir, pages);
      const { pageCount } = await session.finish(dir);
      expect(pageCount).toBe(5);
      const pagefind = await loadPagefind(dir);
      for (const word of ["one", "two", "three", "four", "five"]) {
        expect((await pagefind.search(`${word}word`)).map((r) => r.url)).toEqual([`/${word}/`]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("pages handed to an index one by one", () => {
  it("are sent in the order given, with at most `window` of them at Pagefind at once", async () => {
    const sent: string[] = [];
    let atOnce = 0;
    let most = 0;
    const replies: (() => void)[] = [];
    const api = fakePagefind({
      addHTMLFile: (f) => {
        sent.push(f.url ?? "");
        most = Math.max(most, ++atOnce);
        return new Promise((resolve) => replies.push(() => (atOnce--, resolve({ errors: [], file: { uniqueWords: 1, url: f.url ?? "", meta: {} } }))));
      },
      writeFiles: async (o) => (fs.mkdirSync(o!.outputPath!, { recursive: true }), { errors: [], outputPath: o!.outputPath! }),
    });
    const session = openIndex({ api, window: 3 });
    const urls = Array.from({ length: 10 }, (_, i) => `/p${i}/`);
    for (const url of urls) session.add({ url, content: "<p>x</p>", inputPath: `${url}.md` });
    // Pagefind answers slowly, oldest first, until every page was sent.
    while (sent.length < urls.length || replies.length > 0) {
      await new Promise((r) => setTimeout(r, 1));
      replies.shift()?.();
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "pagefind-window-"));
    try {
      expect((await session.finish(out)).pageCount).toBe(10);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    expect(sent).toEqual(urls);
    expect(most).toBe(3);
  });
});

describe("a bundle written early", () => {
  /** A fake Pagefind that records its calls; each write takes a few turns of the event loop. */
  const recording = () => {
    const calls: string[] = [];
    let writing = 0;
    const api = fakePagefind(
      {
        addHTMLFile: async (f) => (calls.push(`add ${f.url}`), { errors: [], file: { uniqueWords: 1, url: f.url ?? "", meta: {} } }),
        writeFiles: async (o) => {
          // Two writes must never run at once: they would write into the same folder.
          if (writing++ > 0) calls.push("overlapping write");
          calls.push(`write ${path.basename(o!.outputPath!)}`);
          await new Promise((r) => setTimeout(r, 5));
          fs.mkdirSync(o!.outputPath!, { recursive: true });
          fs.writeFileSync(path.join(o!.outputPath!, "pages.txt"), calls.filter((c) => c.startsWith("add")).join("\n"));
          writing--;
          calls.push("written");
          return { errors: [], outputPath: o!.outputPath! };
        },
      },
      async () => (calls.push("close"), null),
    );
    return { api, calls };
  };
  const page = (url: string) => ({ url, content: "<p>x</p>", inputPath: `${url}.md` });

  // Each test: a fresh fake, a session on it, and an output folder removed afterwards.
  let calls: string[];
  let session: ReturnType<typeof openIndex>;
  let out: string;
  beforeEach(() => {
    const fake = recording();
    calls = fake.calls;
    session = openIndex({ api: fake.api });
    out = fs.mkdtempSync(path.join(os.tmpdir(), "pagefind-early-"));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it("is kept when no page came after it: Pagefind writes once", async () => {
    session.add(page("/a/"));
    session.add(page("/b/"));
    await session.writeEarly(out).asked;
    // Asked to write only once every page was filed.
    expect(calls).toEqual(["add /a/", "add /b/", "write .pagefind-next"]);
    const result = await session.finish(out);
    expect(result).toMatchObject({ pageCount: 2, early: true });
    expect(calls).toEqual(["add /a/", "add /b/", "write .pagefind-next", "written", "close"]);
    expect(fs.readFileSync(path.join(out, "pagefind", "pages.txt"), "utf8")).toBe("add /a/\nadd /b/");
    expect(fs.readdirSync(out)).toEqual(["pagefind"]);
  });

  it("is written again, after the first write ends, when a page came after it", async () => {
    session.add(page("/a/"));
    const { asked } = session.writeEarly(out);
    session.add(page("/late/"));
    await asked;
    const result = await session.finish(out);
    expect(result).toMatchObject({ pageCount: 2, early: false });
    expect(calls).toEqual(["add /a/", "add /late/", "write .pagefind-next", "written", "write .pagefind-next", "written", "close"]);
    expect(fs.readFileSync(path.join(out, "pagefind", "pages.txt"), "utf8")).toBe("add /a/\nadd /late/");
  });

  it("is let finish before an abort stops Pagefind", async () => {
    session.add(page("/a/"));
    await session.writeEarly(out).asked;
    await session.abort();
    expect(calls).toEqual(["add /a/", "write .pagefind-next", "written", "close"]);
  });
});
