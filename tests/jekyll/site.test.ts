// Builds the fixture Jekyll project with --input and checks what Jekyll would give: Liquid data,
// collections, includes, baseurl links, defaults, permalinks, static files and the layout mapping.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOurs, type Built } from "./fixture.ts";

let site: Built;
beforeAll(async () => {
  site = await buildOurs();
}, 120_000);

const prose = (file: string) => site.page(file).querySelector("main .prose")!;
const texts = (els: Iterable<Element>) => Array.from(els, (e) => (e.textContent ?? "").replace(/\s+/g, " ").trim());

describe("a Jekyll project as --input", () => {
  it("builds, with only the expected warnings", () => {
    expect(site.outcome.ok).toBe(true);
    const found = site.outcome.ctx.diagnostics.sorted().map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}`);
    expect(found).toEqual([
      "warning JEKYLL_LAYOUT_MAPPED tests/fixtures/jekyll-site/cards.html:3",
      "warning FM_DUPLICATE_KEY tests/fixtures/jekyll-site/reference/alerts.md:3",
      "warning LIQUID_LAX tests/fixtures/jekyll-site/reference/alerts.md:9",
    ]);
  });

  it("writes pages where Jekyll does: .html pages, collection permalinks, an extensionless permalink", () => {
    for (const file of ["index.html", "about.html", "filters.html", "snippets.html", "cards.html", "reference/alerts.html", "guides/install/index.html", "guides/configure/index.html", "guides/advanced/tuning/index.html"]) {
      expect(site.exists(file), file).toBe(true);
    }
    // `permalink: /about` is written as about.html (served at /about), not about/index.html.
    expect(site.exists("about/index.html")).toBe(false);
  });

  it("skips what Jekyll skips: output: false collections, _drafts, excluded and dot files", () => {
    const all = fs.readdirSync(site.output, { recursive: true }).map(String);
    expect(all.filter((f) => /tip-one|tip-two|unfinished|notes/.test(f))).toEqual([]);
    expect(site.exists("snippets/index.html")).toBe(false);
  });

  it("copies static files, and a Markdown file without front matter, as they are", () => {
    expect(fs.readFileSync(path.join(site.output, "images/dot.svg"), "utf8")).toContain("<svg");
    expect(fs.readFileSync(path.join(site.output, "plain.md"), "utf8")).toBe("Plain notes without front matter: copied as they are.\n");
  });

  it("gives Liquid site.*, site.data (YAML, nested folders, JSON) and site.<collection>", () => {
    const home = prose("index.html");
    expect(texts(home.querySelectorAll("p"))[0]).toBe("This is Fixture Docs, version 1.57.");
    // site.guides, each document's url through relative_url (baseurl /docs), ordered by path.
    expect(Array.from(home.querySelectorAll("ul a"), (a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Tuning", "/docs/guides/advanced/tuning/"],
      ["Configure", "/docs/guides/configure/"],
      ["Install", "/docs/guides/install/"],
    ]);
    expect(texts(home.querySelectorAll("tbody td"))).toEqual(["Ada", "writer", "Grace", "reviewer"]);
    const links = Array.from(home.querySelectorAll(":scope > p a"), (a) => a.getAttribute("href"));
    expect(links).toEqual(["/docs/about", "https://www.jaegertracing.io/"]);
  });

  it("lists a collection that is not written, with each document's title and content", () => {
    const page = prose("snippets.html");
    expect(texts(page.querySelectorAll("h3"))).toEqual(["First tip", "Second tip"]);
    expect(page.querySelector("h3 + p strong, p strong")?.textContent).toBe("span names");
  });

  it("gives page.* (front matter, url as Jekyll writes it, path) and include parameters", () => {
    const about = prose("about.html");
    expect(texts(about.querySelectorAll(":scope > p"))[0]).toBe("What this fixture is for. The page URL is /about and its source is about.md.");
    // `text="…"` (quoted) with the include's default kind; `/note.md` (leading slash) with `text=page.summary` (a variable).
    expect(texts(about.querySelectorAll("div.note p"))).toEqual(["Note: Notes come from an include with a quoted parameter.", "Tip: What this fixture is for."]);
  });

  it("nests includes, passing an include's parameter on as a variable", () => {
    const cards = prose("cards.html");
    expect(Array.from(cards.querySelectorAll(".card"), (c) => [c.querySelector(".card-title")?.textContent, c.querySelector(".badge")?.textContent])).toEqual([
      ["Install", "beginner"],
      ["Tuning", "expert"],
    ]);
  });

  it("applies defaults by type and by path, under the page's own front matter", () => {
    expect(texts(prose("guides/install/index.html").querySelectorAll("p"))[0]).toBe("Install the collector first. This guide is in the Guides section.");
    expect(texts(prose("reference/alerts.html").querySelectorAll("p"))[0]).toBe("The audience is operators.");
    // A duplicated key: the last value wins.
    expect(site.page("reference/alerts.html").querySelector("h1.page-title")?.textContent).toBe("Alert rules");
  });

  it("maps Jekyll layout names to ours", () => {
    expect(site.page("index.html").querySelector("main .home")).not.toBeNull(); // home → home
    expect(site.page("guides/install/index.html").querySelector("main .article-layout")).not.toBeNull(); // doc → article
    expect(site.page("about.html").querySelector("main .article-layout")).not.toBeNull(); // page (from defaults) → article
    expect(site.page("cards.html").querySelector("main .article-layout")).not.toBeNull(); // fancy → article, with a warning
    expect(site.page("about.html").querySelector("title")?.textContent).toBe("About · Fixture Docs");
  });

  it("renders lax output as Jekyll does (nothing, for an undefined lookup) and keeps {% raw %}", () => {
    expect(texts(prose("reference/alerts.html").querySelectorAll("p")).slice(1)).toEqual(["An alert annotation: is down.", "Literal: {{ $labels.path }}"]);
  });

  it("fails under --strict, where warnings are errors", async () => {
    const strict = await buildOurs({ strict: true });
    expect(strict.outcome.ok).toBe(false);
  }, 120_000);

  it("--path-prefix wins over _config.yml's baseurl, in links and in site.baseurl", async () => {
    const other = await buildOurs({ pathPrefix: "/other/" });
    const home = other.page("index.html").querySelector("main .prose")!;
    expect(Array.from(home.querySelectorAll("ul a"), (a) => a.getAttribute("href"))[0]).toBe("/other/guides/advanced/tuning/");
    expect(Array.from(home.querySelectorAll(":scope > p a"), (a) => a.getAttribute("href"))[0]).toBe("/other/about");
  }, 120_000);
});
