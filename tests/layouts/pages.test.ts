// A fixture site built in memory through the real config: page chrome, plan box, escaping, meta, listings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../helpers/html.ts";
import { buildFixture, type BuiltFixture } from "./fixture.ts";

const page = (fm: string, body = "Body text.\n") => `---\n${fm}\n---\n${body}`;

let site: BuiltFixture;
const doc = (url: string) => parseDocument(site.page(url));
const texts = (els: Iterable<Element>) => [...els].map((e) => e.textContent?.replace(/\s+/g, " ").trim());

beforeAll(async () => {
  site = await buildFixture({
    pages: {
      "a.md": page(
        [
          "title: Alpha page",
          "permalink: /a/",
          "description: About alpha.",
          "flags:\n  logzio-plan: pro\n  beta: true\n  admin: true",
          "tags: [tracing, not-a-known-tag]",
          "contributors: [ada, nobody]",
          "redirect_from: [/old-a/, /older/a]",
        ].join("\n"),
        "## First section\n\nText.\n\n### A detail\n\nMore.\n\n## Second section\n\nEnd.\n",
      ),
      "b.md": page("title: Beta page\npermalink: /b/\nflags:\n  logzio-plan: community\n  alpha: true\ntags: [tracing, sampling & rates]\ncontributors: [grace]"),
      "c.md": page("title: Only two\npermalink: /c/\nflags:\n  logzio-plan: community enterprise\nsearch: false\nnoindex: true"),
      "d.md": page("title: Enterprise only\npermalink: /d/\nsitemap: false\nflags:\n  logzio-plan: enterprise"),
      "x.md": page("title: <script>alert(1)</script>\npermalink: /x/\ndescription: '\"quoted\" <b>desc</b>'"),
      "plain.md": page("layout: default\ntitle: Plain page\npermalink: /plain/"),
    },
  });
});
afterAll(() => site?.cleanup());

describe("page chrome", () => {
  it("has lang, landmarks, a skip link to main, and the title as the first h1", () => {
    for (const url of ["/a/", "/plain/"]) {
      const d = doc(url);
      expect(d.documentElement.getAttribute("lang")).toBe("en");
      for (const sel of ["body > header", "nav#sidebar", "main#main", "body > footer"]) expect(d.querySelector(sel), sel).not.toBeNull();
      const skip = d.querySelector("body > a.skip-link");
      expect(skip?.getAttribute("href")).toBe("#main");
      expect(d.querySelectorAll("h1").length).toBe(1);
      expect(d.querySelector("main h1")?.getAttribute("data-pagefind-meta")).toBe("title");
    }
    expect(doc("/a/").querySelector("main h1")?.textContent).toBe("Alpha page");
  });

  it("shows Beta and Admin badges, not Alpha, for flags beta+admin", () => {
    expect(texts(doc("/a/").querySelectorAll(".badges .badge"))).toEqual(["Beta", "Admin"]);
    expect(texts(doc("/b/").querySelectorAll(".badges .badge"))).toEqual(["Alpha"]);
    expect(doc("/x/").querySelector(".badges")).toBeNull();
  });

  it.each([
    ["/a/", ["Pro", "Enterprise"]],
    ["/b/", ["Community", "Pro", "Enterprise"]],
    ["/c/", ["Community", "Enterprise"]],
    ["/d/", ["Enterprise"]],
  ])("plan box on %s highlights %j", (url, included) => {
    const box = doc(url).querySelector(".plan-box");
    expect(box?.textContent).toContain("Available for these plans:");
    const tiers = [...(box?.querySelectorAll(".plan-tier") ?? [])];
    expect(tiers.map((t) => t.childNodes[t.childNodes.length - 2]?.textContent ?? "")).toEqual(["Community", "Pro", "Enterprise"]);
    const on = tiers.filter((t) => t.classList.contains("is-included"));
    expect(on.map((t) => t.textContent?.replace(" (included)", ""))).toEqual(included);
  });

  it("has no plan box when the page names no plan", () => {
    expect(doc("/x/").querySelector(".plan-box")).toBeNull();
  });

  it("links known contributors and tags, and prints unknown ones as plain text", () => {
    const d = doc("/a/");
    const people = [...d.querySelectorAll(".page-contributors .page-meta__item")];
    expect(people.map((p) => [p.textContent, p.querySelector("a")?.getAttribute("href") ?? null])).toEqual([
      ["Ada Lovelace", "/contributors/ada/"],
      ["nobody", null],
    ]);
    const tags = [...d.querySelectorAll(".page-tags li")];
    expect(tags.map((t) => [t.textContent, t.querySelector("a")?.getAttribute("href") ?? null])).toEqual([
      ["tracing", "/tags/tracing/"],
      ["not-a-known-tag", null],
    ]);
  });

  it("escapes every front matter value it prints", () => {
    const d = doc("/x/");
    expect(d.querySelector("script:not([src])")).toBeNull();
    expect(d.querySelector("main h1")?.textContent).toBe("<script>alert(1)</script>");
    expect(d.querySelector("title")?.textContent).toContain("<script>alert(1)</script>");
    expect(d.querySelector('meta[name="description"]')?.getAttribute("content")).toBe('"quoted" <b>desc</b>');
    expect(d.querySelector("b")).toBeNull();
  });

  it("has no inline scripts or styles anywhere (CSP)", () => {
    for (const r of site.results.filter((r) => r.outputPath && String(r.outputPath).endsWith(".html"))) {
      const d = parseDocument(r.content);
      expect(d.querySelectorAll("script:not([src])").length, r.url as string).toBe(0);
      expect(d.querySelectorAll("style, [style]").length, r.url as string).toBe(0);
      expect(d.querySelectorAll("[onclick], [onload]").length).toBe(0);
    }
  });
});

describe("search hooks", () => {
  it("marks main as the search body, with hidden tag, plan and beta filters", () => {
    const main = doc("/a/").querySelector("main");
    expect(main?.hasAttribute("data-pagefind-body")).toBe(true);
    const filters = [...(main?.querySelectorAll("[data-pagefind-filter]") ?? [])].map((f) => [
      f.getAttribute("data-pagefind-filter"),
      f.textContent,
      f.hasAttribute("hidden"),
    ]);
    expect(filters).toEqual([
      ["tag", "tracing", true],
      ["tag", "not-a-known-tag", true],
      ["plan", "Pro", true],
      ["plan", "Enterprise", true],
      ["beta", "Beta", true],
    ]);
    for (const chrome of ["body > header", "nav#sidebar", "body > footer"]) {
      expect(doc("/a/").querySelector(chrome)?.hasAttribute("data-pagefind-ignore"), chrome).toBe(true);
    }
  });

  it("leaves the search body off `search: false` pages", () => {
    expect(doc("/c/").querySelector("main")?.hasAttribute("data-pagefind-body")).toBe(false);
  });
});

describe("reading features in the HTML", () => {
  it("builds the on-page TOC from h2/h3 as plain links", () => {
    const toc = doc("/a/").querySelector("nav.toc");
    expect([...(toc?.querySelectorAll("a") ?? [])].map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["#first-section", "First section"],
      ["#a-detail", "A detail"],
      ["#second-section", "Second section"],
    ]);
    // A <details> named by its summary, closed in the HTML: phones show one line until it is opened.
    const details = toc?.querySelector(":scope > details");
    expect(details?.hasAttribute("open")).toBe(false);
    const summary = details?.querySelector(":scope > summary");
    expect(summary?.textContent).toBe("On this page");
    expect(toc?.getAttribute("aria-labelledby")).toBe(summary?.id);
  });

  it("labels the status badges and the tags with text, not aria-label on a list", () => {
    const d = doc("/a/");
    expect(d.querySelector(".badges")?.firstElementChild?.textContent).toBe("Status:");
    expect(d.querySelector(".page-tags > .visually-hidden")?.textContent).toBe("Tags:");
    expect(d.querySelectorAll("ul[aria-label], ol[aria-label]").length).toBe(0);
  });

  it("marks the current page in the sidebar, with breadcrumbs and previous/next from navigation.yaml", () => {
    const d = doc("/a/");
    const current = [...d.querySelectorAll('#sidebar [aria-current="page"]')];
    expect(current.map((a) => a.getAttribute("href"))).toEqual(["/a/"]);
    expect(d.querySelector("#sidebar details")?.hasAttribute("open")).toBe(true);
    expect(texts(d.querySelectorAll(".breadcrumbs li"))).toEqual(["Home", "Basics", "Alpha page"]);
    expect(d.querySelector('.pager a[rel="next"]')?.getAttribute("href")).toBe("/b/");
    expect(d.querySelector('.pager a[rel="prev"]')).toBeNull();
    expect(doc("/b/").querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/a/");
  });

  it("links 'Edit this page' to the file in the repository", () => {
    const edit = doc("/a/").querySelector(".page-footer a.page-footer__edit");
    expect(edit?.getAttribute("href")).toBe("https://github.com/example/fixture-docs/edit/trunk/docs/content/a.md");
    expect(texts(doc("/a/").querySelectorAll(".page-footer__contributors > *"))).toEqual(["Ada Lovelace", "nobody"]);
  });

  it("uses the default layout without TOC, pager or page footer", () => {
    const d = doc("/plain/");
    expect(d.querySelector("nav.toc, .pager, .page-footer")).toBeNull();
    expect(d.querySelector("main h1")?.textContent).toBe("Plain page");
  });
});

describe("meta", () => {
  it("has description, canonical and Open Graph, and noindex only where asked", () => {
    const d = doc("/a/");
    const meta = (sel: string) => d.querySelector(sel)?.getAttribute("content");
    expect(meta('meta[name="description"]')).toBe("About alpha.");
    expect(d.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://docs.example.test/a/");
    expect(meta('meta[property="og:title"]')).toBe("Alpha page");
    expect(meta('meta[property="og:url"]')).toBe("https://docs.example.test/a/");
    expect(meta('meta[property="og:description"]')).toBe("About alpha.");
    expect(d.querySelector('meta[name="robots"]')).toBeNull();
    expect(doc("/c/").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    // No description of its own: the site's.
    expect(doc("/b/").querySelector('meta[name="description"]')?.getAttribute("content")).toBe("A fixture site for layout tests.");
  });
});

describe("generated pages", () => {
  it("lists each known tag's pages, and indexes tags and contributors", () => {
    const tag = doc("/tags/tracing/");
    expect(tag.querySelector("h1")?.textContent).toBe("Tagged “tracing”");
    expect([...tag.querySelectorAll(".page-list a")].map((a) => a.getAttribute("href"))).toEqual(["/a/", "/b/"]);
    const index = doc("/tags/");
    expect([...index.querySelectorAll(".listing__item a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["sampling & rates", "/tags/sampling-rates/"],
      ["tracing", "/tags/tracing/"],
    ]);
    expect(site.results.some((r) => r.url === "/tags/not-a-known-tag/")).toBe(false);
    const ada = doc("/contributors/ada/");
    expect(ada.querySelector("h1")?.textContent).toBe("Pages by Ada Lovelace");
    expect([...ada.querySelectorAll(".page-list a")].map((a) => a.getAttribute("href"))).toEqual(["/a/"]);
    expect(texts(doc("/contributors/").querySelectorAll(".listing__item a"))).toEqual(["Ada Lovelace", "Grace Hopper"]);
  });

  it("writes a sitemap without sitemap:false or noindex pages, and robots.txt pointing at it", () => {
    const xml = parseDocument(site.page("/sitemap.xml"));
    const locs = [...xml.querySelectorAll("loc")].map((l) => l.textContent);
    expect(locs).toContain("https://docs.example.test/a/");
    expect(locs).toContain("https://docs.example.test/tags/tracing/");
    expect(locs).not.toContain("https://docs.example.test/d/");
    expect(locs).not.toContain("https://docs.example.test/c/");
    expect(locs.some((l) => l?.includes("old-a") || l?.includes("404"))).toBe(false);
    expect(site.page("/robots.txt").split("\n")).toContain("Sitemap: https://docs.example.test/sitemap.xml");
  });

  it("writes redirect pages with meta refresh, canonical and a link, plus _redirects", () => {
    for (const [url, file] of [["/old-a/", "old-a/index.html"], ["/older/a.html", "older/a.html"]] as const) {
      const r = site.results.find((x) => x.url === url);
      expect(String(r?.outputPath).endsWith(file), url).toBe(true);
      const d = parseDocument(r?.content ?? "");
      expect(d.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=/a/");
      expect(d.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://docs.example.test/a/");
      expect(d.querySelector("main a")?.getAttribute("href")).toBe("/a/");
    }
    const lines = site.page("/_redirects").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines).toEqual(["/old-a/ /a/ 301", "/older/a /a/ 301"]);
  });

  it("ships the CSP in _headers and a 404 page that offers search", () => {
    const headers = site.page("/_headers").split("\n");
    expect(headers).toContain("/*");
    const csp = headers.find((l) => l.trim().startsWith("Content-Security-Policy:"));
    expect(csp?.trim()).toBe(
      "Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    const nf = doc("/404.html");
    expect(nf.querySelector("main .not-found__search")).not.toBeNull();
    expect(nf.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });
});
