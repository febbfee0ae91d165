// Search documents made while pages render must give Pagefind exactly the records the written pages
// give it: same fragments (text, title, filters, headings), same filter counts.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EarlyDocuments, searchDocument } from "../../src/search/early-documents.ts";
import { openIndex } from "../../src/search/pagefind.ts";
import type { SearchPage } from "../../src/search/pages.ts";
import { parseDocument } from "../helpers/html.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";
import { buildFixture, makeTempDir, writeSiteData, type FixtureSite } from "../helpers/site.ts";

const env = (over: Record<string, unknown> = {}) => ({
  page: { url: "/a/", inputPath: "./content/a.md", outputPath: "/out/a/index.html" },
  layout: "article",
  title: "Spans & <traces> aren't \"logs\"",
  flags: { beta: true, admin: true, "logzio-plan": "pro" },
  tags: ["sampling", "q&a"],
  site: { language: "de" },
  ...over,
});

describe("searchDocument", () => {
  it("holds the page's title, badges, filters and content inside <main data-pagefind-body>", () => {
    const doc = searchDocument(env(), "<h2 id=\"x\">Heading</h2>\n<p>Body text.</p>\n");
    expect(doc).toMatchObject({ url: "/a/", inputPath: "content/a.md", outputPath: "/out/a/index.html" });
    const html = parseDocument(doc!.content);
    expect(html.documentElement.getAttribute("lang")).toBe("de");
    const main = html.querySelector("main[data-pagefind-body]")!;
    expect(main.querySelector('h1[data-pagefind-meta="title"]')!.textContent).toBe("Spans & <traces> aren't \"logs\"");
    expect([...main.querySelectorAll(".badges .badge")].map((b) => b.textContent)).toEqual(["Beta", "Admin"]);
    const filters = [...main.querySelectorAll("[data-pagefind-filter]")].map((f) => `${f.getAttribute("data-pagefind-filter")}=${f.textContent}`);
    expect(filters).toEqual(["tag=sampling", "tag=q&a", "plan=Pro", "plan=Enterprise", "beta=Beta"]);
    expect(main.querySelector("h2#x")!.textContent).toBe("Heading");
    expect([...main.querySelectorAll("p")].map((p) => p.textContent)).toContain("Body text.");
  });

  it.each([
    ["a layout it cannot stand in for", { layout: "home" }],
    ["a Jekyll-style layout name", { layout: "post" }],
    ["search: false", { search: false }],
    ["a page not written as HTML", { page: { url: "/feed.xml", inputPath: "./content/feed.md", outputPath: "/out/feed.xml" } }],
    ["a page with no output", { page: { url: false, inputPath: "./content/a.md", outputPath: false } }],
  ])("makes none for %s", (_what, over) => {
    expect(searchDocument(env(over), "<p>x</p>")).toBeUndefined();
  });

  it("makes one for the default layout and the layouts' file names", () => {
    for (const layout of ["article", "article.njk", "default", "default.njk"]) expect(searchDocument(env({ layout }), "<p>x</p>")).toBeDefined();
  });
});

describe("EarlyDocuments", () => {
  const item = (url: string, data: Record<string, unknown> = { layout: "article" }) => ({ url, inputPath: `./content${url}x.md`, outputPath: `/out${url}index.html`, data });
  // What Eleventy hands every render: the page's data, with every page of the build in `collections.all`.
  const all = [item("/a/"), item("/b/"), item("/c/"), item("/home/", { layout: "home" }), item("/hidden/", { layout: "article", search: false })];
  const rendered = (docs: EarlyDocuments, url: string, content: string, collections: unknown = { all }) =>
    docs.rendered(content, env({ page: { url, inputPath: `./content${url}x.md`, outputPath: `/out${url}index.html` }, collections }));
  const finished = new Map(["/a/", "/b/", "/c/"].map((u) => [u, `<html><main data-pagefind-body><p>${u}</p></main></html>`]));
  /** An opened set of documents, and the URLs it hands over, in order. */
  const opened = () => {
    const docs = new EarlyDocuments();
    const sent: string[] = [];
    docs.open((d) => sent.push(d.url));
    return { docs, sent };
  };

  it("hands documents over in URL order as their pages render, whatever the render order", () => {
    const docs = new EarlyDocuments();
    const sent: string[] = [];
    rendered(docs, "/a/", "<p>before open</p>");
    docs.open((d) => sent.push(d.url));
    rendered(docs, "/c/", "<p>/c/</p>");
    expect(sent).toEqual([]);
    rendered(docs, "/a/", "<p>/a/</p>");
    expect(sent).toEqual(["/a/"]);
    rendered(docs, "/b/", "<p>/b/</p>");
    expect(sent).toEqual(["/a/", "/b/", "/c/"]);
    expect(docs.settle(finished)).toEqual(new Set(["/a/", "/b/", "/c/"]));
    // Settled: nothing more is sent, and the next settle knows of no page.
    rendered(docs, "/d/", "<p>D</p>");
    expect(sent).toHaveLength(3);
    expect(docs.settle(finished)).toEqual(new Set());
  });

  it("hands each document over as its page renders when the build's render order is fixed, and only then", () => {
    let fixed = true;
    const docs = new EarlyDocuments({ renderOrderFixed: () => fixed });
    const sent: string[] = [];
    docs.open((d) => sent.push(d.url));
    rendered(docs, "/c/", "<p>/c/</p>");
    expect(sent).toEqual(["/c/"]);
    rendered(docs, "/a/", "<p>/a/</p>");
    rendered(docs, "/b/", "<p>/b/</p>");
    expect(sent).toEqual(["/c/", "/a/", "/b/"]);
    expect(docs.settle(finished)).toEqual(new Set(["/a/", "/b/", "/c/"]));
    expect(sent).toHaveLength(3);
    // Asked again at each build's start: an order not fixed waits for URL order.
    fixed = false;
    sent.length = 0;
    docs.open((d) => sent.push(d.url));
    rendered(docs, "/c/", "<p>/c/</p>");
    expect(sent).toEqual([]);
  });

  it("hands over at settle, in URL order, what waits on a page that never rendered or was not expected", () => {
    const { docs, sent } = opened();
    rendered(docs, "/c/", "<p>/c/</p>");
    rendered(docs, "/b/", "<p>/b/</p>");
    rendered(docs, "/0-extra/", "<p>x</p>");
    expect(sent).toEqual([]);
    expect(docs.settle(new Map([...finished, ["/0-extra/", "<main data-pagefind-body><p>x</p></main>"]]))).toEqual(new Set(["/b/", "/c/", "/0-extra/"]));
    expect(sent).toEqual(["/0-extra/", "/b/", "/c/"]);
    // Without the list of pages, everything waits for settle.
    const { docs: later, sent: got } = opened();
    rendered(later, "/b/", "<p>/b/</p>", null);
    rendered(later, "/a/", "<p>/a/</p>", null);
    expect(got).toEqual([]);
    later.settle(finished);
    expect(got).toEqual(["/a/", "/b/"]);
  });

  it("settles with nothing usable when a finished page does not hold its document's content, or lost its page", () => {
    const docs = new EarlyDocuments();
    docs.open(() => {});
    rendered(docs, "/a/", "<p>A</p>");
    expect(docs.settle(new Map([["/a/", "<p>changed after rendering</p>"]]))).toBeUndefined();
    docs.open(() => {});
    rendered(docs, "/a/", "<p>A</p>");
    expect(docs.settle(new Map())).toBeUndefined();
    // A long page whose layout printed its content cut short, or with a paragraph added.
    const long = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of the page.</p>`).join("\n");
    for (const [html, ok] of [
      [`<main data-pagefind-body>${long}</main>`, true],
      [`<main data-pagefind-body>${long.slice(0, -40)}</main>`, false],
      [`<main data-pagefind-body>${long.replace("<p>Paragraph 30", "<p>Added.</p>\n<p>Paragraph 30")}</main>`, false],
      // The content only outside the part Pagefind reads (in the sidebar, say), or no such part at all.
      [`<nav>${long}</nav><main data-pagefind-body></main>`, false],
      [`<main>${long}</main>`, false],
    ] as const) {
      docs.open(() => {});
      rendered(docs, "/a/", long);
      expect(docs.settle(new Map([["/a/", html]])) !== undefined).toBe(ok);
    }
  });

  it("says once, after the last page to index is handed over, that the index can be written", () => {
    const docs = new EarlyDocuments({ renderOrderFixed: () => true });
    const hold = Promise.resolve("writing");
    let completed = 0;
    const pages = all.filter((i) => i.data.layout === "article");
    const render = (url: string, collections: unknown) =>
      docs.rendered(`<p>${url}</p>`, env({ page: { url, inputPath: `./content${url}x.md`, outputPath: `/out${url}index.html` }, collections }));
    docs.open(() => {}, { complete: () => (completed++, hold) });
    render("/b/", { all: pages });
    render("/a/", { all: pages });
    expect(completed).toBe(0);
    expect(docs.takeHold()).toBeUndefined();
    render("/c/", { all: pages });
    // /hidden/ is search: false, so /c/ was the last page the index needs.
    expect(completed).toBe(1);
    expect(docs.takeHold()).toBe(hold);
    expect(docs.takeHold()).toBeUndefined();
    // Not when a page to index has no document (the home page's layout is read from its file).
    docs.open(() => {}, { complete: () => (completed++, hold) });
    for (const url of ["/a/", "/b/", "/c/"]) render(url, { all });
    expect(completed).toBe(1);
    // In URL order too, once the pages are handed over.
    const inOrder = new EarlyDocuments();
    inOrder.open(() => {}, { complete: () => (completed++, hold) });
    for (const url of ["/c/", "/b/"]) inOrder.rendered(`<p>${url}</p>`, env({ page: { url, inputPath: `./content${url}x.md`, outputPath: `/out${url}index.html` }, collections: { all: pages } }));
    expect(completed).toBe(1);
    inOrder.rendered("<p>/a/</p>", env({ page: { url: "/a/", inputPath: "./content/a/x.md", outputPath: "/out/a/index.html" }, collections: { all: pages } }));
    expect(completed).toBe(2);
  });

  it("settles with nothing usable when one page rendered twice", () => {
    const { docs, sent } = opened();
    rendered(docs, "/a/", "<p>A</p>");
    rendered(docs, "/a/", "<p>A again</p>");
    expect(sent).toEqual(["/a/"]);
    expect(docs.settle(new Map([["/a/", "<p>A</p><p>A again</p>"]]))).toBeUndefined();
  });
});

describe("a build's index, made while its pages render", () => {
  let site: FixtureSite;
  let log: string[];
  let reference: string;

  beforeAll(async () => {
    const root = makeTempDir("early-docs-");
    writeSiteData(path.join(root, "content"));
    log = [];
    vi.spyOn(process.stderr, "write").mockImplementation((line) => (log.push(String(line)), true));
    try {
      site = await buildFixture(
        {
          "index.md": "---\nlayout: home\ntitle: Home\npermalink: /\n---\nWelcome to the quokka guide.\n",
          "a.md": [
            "---",
            "title: Spans & \"traces\" aren't <logs>",
            "permalink: /a/",
            "flags:",
            "  logzio-plan: pro",
            "  beta: true",
            "  alpha: true",
            "tags: [distributed tracing, sampling]",
            "---",
            "Intro about quokka spans.",
            "",
            "## Adaptive sampling",
            "",
            "| Parameter | Description |",
            "|---|---|",
            "| `rate` <span class=\"required-param\"></span> | Samples per second. |",
            "{:.paramlist}",
            "",
            "Heads up.",
            "{:.info-box.note}",
            "",
          ].join("\n"),
          "b.md": "---\ntitle: Storage\npermalink: /b/\nlayout: default\nflags:\n  admin: true\n---\nCassandra stores quokka spans.\n\n## Retention {#keep}\n\nDays.\n",
          "c.md": "---\ntitle: Hidden\npermalink: /c/\nsearch: false\n---\nSecret quokka notes.\n",
        },
        {},
        root,
      );
    } finally {
      vi.restoreAllMocks();
    }
    // The same pages indexed the old way, from their written files, for comparison.
    reference = path.join(root, "reference");
    const files = ["index.html", "a/index.html", "b/index.html"];
    const session = openIndex();
    session.addWritten(
      site.output,
      files.map((f) => ({ url: `/${f.replace(/index\.html$/, "")}`, content: "", inputPath: f, outputPath: path.join(site.output, f) })),
    );
    fs.mkdirSync(reference);
    await session.finish(reference);
  });
  afterAll(() => fs.rmSync(site.root, { recursive: true, force: true }));

  it("indexes the article and default pages while rendering, and the home page from its file", () => {
    expect(site.outcome.ctx.diagnostics.errors).toEqual([]);
    expect(log.filter((l) => l.startsWith("Search:"))).toEqual([expect.stringMatching(/^Search: indexed 3 pages in \d+ ms \(2 while rendering\)\n$/)]);
  });

  it("gives Pagefind the same page records as the written pages do", () => {
    const fragments = (dir: string) => fs.readdirSync(path.join(dir, "pagefind", "fragment")).sort();
    expect(fragments(site.output)).toHaveLength(3);
    expect(fragments(site.output)).toEqual(fragments(reference));
  });

  it("finds the pages, with their titles, headings and filters", async () => {
    const pagefind = await loadPagefind(site.output);
    const results = await pagefind.search("quokka");
    expect(results.map((r) => r.url).sort()).toEqual(["/", "/a/", "/b/"]);
    const a = results.find((r) => r.url === "/a/")!;
    expect(a.meta.title).toBe("Spans & \"traces\" aren't <logs>");
    expect(a.filters).toEqual({ tag: ["distributed tracing", "sampling"], plan: ["Pro", "Enterprise"], beta: ["Beta"] });
    // Sub-results lead to the heading above the words found.
    const [samples] = await pagefind.search("samples");
    expect(samples!.sub_results.map((s) => s.url)).toContain("/a/#adaptive-sampling");
    const [days] = await pagefind.search("days");
    expect(days!.sub_results.map((s) => s.url)).toContain("/b/#keep");
    expect(await pagefind.filters()).toEqual(await (await loadPagefind(reference)).filters());
  });
});

describe("a build whose every indexed page renders from Markdown", () => {
  it("writes the bundle while the layouts render, and it holds every page", async () => {
    const root = makeTempDir("early-bundle-");
    const log: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((line) => (log.push(String(line)), true));
    let site: FixtureSite;
    try {
      const page = (title: string, word: string, extra = "") => `---\nlayout: article\ntitle: ${title}\n${extra}---\nAbout ${word} and wombat spans.\n`;
      site = await buildFixture(
        {
          "index.md": page("Home", "homeword", "permalink: /\n"),
          "a.md": page("A", "alphaword"),
          "b.md": page("B", "betaword"),
          "c.md": page("Hidden", "hiddenword", "search: false\n"),
        },
        {},
        root,
      );
    } finally {
      vi.restoreAllMocks();
    }
    try {
      expect(site.outcome.ctx.diagnostics.errors).toEqual([]);
      expect(log.filter((l) => l.startsWith("Search:"))).toEqual([expect.stringMatching(/^Search: indexed 3 pages in \d+ ms \(3 while rendering; written during the layouts\)\n$/)]);
      const pagefind = await loadPagefind(site.output);
      expect((await pagefind.search("wombat")).map((r) => r.url).sort()).toEqual(["/", "/a/", "/b/"]);
      expect(await pagefind.search("hiddenword")).toEqual([]);
      expect(fs.readdirSync(site.output).filter((f) => f.startsWith("."))).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
