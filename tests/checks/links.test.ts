// The link and anchor check over built pages: each link is resolved against its own page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageFactsReader, readPageFacts } from "../../src/checks/html-facts.ts";
import { checkLinks, readAllFacts, readAllFactsInSlices, type BuiltPage } from "../../src/checks/links.ts";

const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "links-"));
afterAll(() => fs.rmSync(outputDir, { recursive: true, force: true }));
fs.mkdirSync(path.join(outputDir, "assets"), { recursive: true });
fs.writeFileSync(path.join(outputDir, "assets/site.css"), "");

const page = (outputFile: string, body: string): BuiltPage => ({
  outputFile,
  inputPath: `content/${outputFile.replace(/index\.html$/, "page.md")}`,
  html: `<!doctype html><html><head><link rel="stylesheet" href="/assets/site.css"></head><body>${body}</body></html>`,
});

const check = (pages: BuiltPage[], pathPrefix = "/") =>
  checkLinks(pages, { outputDir, pathPrefix }).map((d) => ({ code: d.code, file: d.file, message: d.message }));

describe("checkLinks", () => {
  it("resolves the same relative href against each page's own folder", () => {
    const pages = [
      page("a/index.html", '<a href="b/">B</a>'),
      page("a/b/index.html", "<h2 id=\"there\">There</h2>"),
      // From /c/, `b/` means /c/b/, which does not exist.
      page("c/index.html", '<a href="b/">B</a>'),
    ];
    expect(check(pages)).toEqual([{ code: "LINK_BROKEN", file: "content/c/page.md", message: "broken link `b/`: no page at /c/b/" }]);
  });

  it("checks each page's fragment against the target page's ids, also when the link is repeated", () => {
    const pages = [
      page("a/index.html", '<a href="/a/b/#there">ok</a><a href="/a/b/#gone">missing</a>'),
      page("a/b/index.html", '<h2 id="there">There</h2>'),
      page("c/index.html", '<a href="/a/b/#gone">missing again</a><a href="/assets/site.css">css</a>'),
    ];
    expect(check(pages)).toEqual([
      { code: "LINK_ANCHOR_MISSING", file: "content/a/page.md", message: "link `/a/b/#gone` points to #gone, but /a/b/ has no element with that id" },
      { code: "LINK_ANCHOR_MISSING", file: "content/c/page.md", message: "link `/a/b/#gone` points to #gone, but /a/b/ has no element with that id" },
    ]);
  });

  it("checks a link to a fragment of the page itself against that page, not another in its folder", () => {
    const pages = [
      page("a/one.html", '<h2 id="here">Here</h2><a href="#here">ok</a>'),
      // Same folder, same href: this page has no such id.
      page("a/two.html", '<a href="#here">missing</a><a href="#caf%C3%A9">decoded</a><h2 id="café">Café</h2>'),
      page("a/three.html", '<a href="#50%-off">bad</a>'),
    ];
    expect(check(pages)).toEqual([
      { code: "LINK_ANCHOR_MISSING", file: "content/a/two.html", message: "link `#here` points to #here, but /a/two.html has no element with that id" },
      { code: "LINK_INVALID", file: "content/a/three.html", message: "invalid link `#50%-off`" },
    ]);
  });

  it("reports a link with a stray percent sign as invalid instead of failing the build", () => {
    expect(check([page("a/index.html", '<a href="/50%-off/">sale</a>')])).toEqual([
      { code: "LINK_INVALID", file: "content/a/page.md", message: "invalid link `/50%-off/`" },
    ]);
  });

  it("reports a link outside the path prefix", () => {
    expect(check([page("a/index.html", '<a href="/other/">x</a>')], "/docs/").filter((d) => d.message.includes("/other/"))).toEqual([
      { code: "LINK_BROKEN", file: "content/a/page.md", message: "link `/other/` points outside the site's path prefix /docs/" },
    ]);
  });
});

describe("readAllFactsInSlices", () => {
  it("reads the same facts as in one go, letting the event loop run between slices", async () => {
    const pages = Array.from({ length: 50 }, (_, i) => page(`p${i}/index.html`, `<h2 id="h${i}">H</h2><a href="/p${(i + 1) % 50}/#h0">next</a>`));
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    // A 0 ms slice gives the loop a turn between every two pages.
    const facts = await readAllFactsInSlices(pages, 0);
    counting = false;
    expect(turns).toBeGreaterThan(10);
    expect(facts).toEqual(readAllFacts(pages));
    expect(facts.get("p3/index.html")).toEqual({ ids: new Set(["h3"]), links: [{ href: "/assets/site.css", tag: "link" }, { href: "/p4/#h0", tag: "a" }] });
  });
});

describe("PageFactsReader", () => {
  const sidebar = (current?: string) =>
    `<nav id="sidebar"><a href="/a/"${current === "/a/" ? ' aria-current="page"' : ""}>A</a><a href="/b/"${current === "/b/" ? ' aria-current="page"' : ""}>B</a><a href="/gone/">Gone</a></nav>`;
  const pageWith = (url: string) => `<!doctype html><html><head><link rel="stylesheet" href="/s.css"></head><body><a id="top" href="#main">skip</a>${sidebar(url)}<main id="main"><h2 id="x">X</h2><a href="/b/#x">b</a><img src="/i.png"></main></body></html>`;

  it("reads a page around its shared part to the same facts as the whole page, in document order", () => {
    const reader = new PageFactsReader();
    for (const url of ["/a/", "/b/"]) {
      const html = pageWith(url);
      expect(reader.read(html, { html: sidebar(url), plain: sidebar() })).toEqual(readPageFacts(html));
    }
    expect(readPageFacts(pageWith("/a/")).links.map((l) => l.href)).toEqual(["/s.css", "#main", "/a/", "/b/", "/gone/", "/b/#x", "/i.png"]);
  });

  it("reads the shared part once for every page that has it", () => {
    const reader = new PageFactsReader();
    const a = reader.read(pageWith("/a/"), { html: sidebar("/a/"), plain: sidebar() });
    const b = reader.read(pageWith("/b/"), { html: sidebar("/b/"), plain: sidebar() });
    const gone = (facts: typeof a) => facts.links.find((l) => l.href === "/gone/");
    expect(gone(a)).toBeDefined();
    expect(gone(a)).toBe(gone(b));
  });

  it("reads the whole page when the shared part is not in it", () => {
    const html = pageWith("/a/");
    expect(new PageFactsReader().read(html, { html: "<nav>other</nav>", plain: "<nav>other</nav>" })).toEqual(readPageFacts(html));
  });

  it("still reports a broken link in the shared part, on every page that has it", () => {
    const pages = ["/a/", "/b/"].map((url) => ({ ...page(`${url.slice(1)}index.html`, ""), html: pageWith(url), shared: { html: sidebar(url), plain: sidebar() } }));
    const broken = check(pages).filter((d) => d.message.includes("/gone/"));
    expect(broken.map((d) => d.file)).toEqual(["content/a/page.md", "content/b/page.md"]);
  });
});

