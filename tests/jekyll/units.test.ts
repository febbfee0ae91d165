// Jekyll's rules as pure functions: URLs from permalink patterns, defaults precedence, which entries are read.
import { describe, expect, it } from "vitest";
import type { JekyllConfig } from "../../src/jekyll/config.ts";
import { JekyllEntries } from "../../src/jekyll/entries.ts";
import { defaultsFor, titleizeSlug } from "../../src/jekyll/frontmatter.ts";
import { mapLayout } from "../../src/jekyll/layouts.ts";
import { documentUrl, pageUrl } from "../../src/jekyll/permalink.ts";

describe("URLs (jekyll/page.rb, document.rb, url.rb)", () => {
  it.each([
    ["about.md", {}, undefined, "/about.html"],
    ["index.md", {}, undefined, "/"],
    ["docs/index.html", {}, undefined, "/docs/"],
    ["docs/setup.md", {}, "pretty", "/docs/setup/"],
    ["docs/setup.md", { permalink: "/guide/:basename/" }, undefined, "/guide/setup/"],
    ["docs/setup.md", { permalink: "/:path/:basename:output_ext" }, undefined, "/docs/setup.html"],
    ["about.md", { permalink: "/about" }, undefined, "/about"],
  ])("page %s %j (site permalink %s) → %s", (rel, data, style, expected) => {
    expect(pageUrl(rel, data, style)).toBe(expected);
  });

  it.each([
    ["guides", "install.md", {}, "/:collection/:path:output_ext", "/guides/install.html"],
    ["guides", "advanced/tuning.md", {}, "/guides/:path/", "/guides/advanced/tuning/"],
    ["guides", "My Page.md", {}, "/:collection/:name/", "/guides/my-page/"],
    ["guides", "x.md", { slug: "Custom Slug" }, "/:collection/:slug:output_ext", "/guides/custom-slug.html"],
    ["guides", "x.md", { title: "ignored", slug: "Pretty Title" }, "/:title/", "/Pretty-Title/"],
    ["posts", "2024-05-01-hello-world.md", { categories: ["News"] }, "/:categories/:year/:month/:day/:title:output_ext", "/news/2024/05/01/hello-world.html"],
    ["guides", "install.md", { permalink: "/own/" }, "/guides/:path/", "/own/"],
  ])("document %s/%s %j with %s → %s", (collection, rel, data, pattern, expected) => {
    expect(documentUrl(collection, rel, data, pattern)).toBe(expected);
  });
});

describe("defaults (jekyll/frontmatter_defaults.rb)", () => {
  const defaults = [
    { path: "docs", values: { layout: "docs-layout", a: 1 } },
    { path: "", values: { layout: "everywhere", a: 0, nested: { x: 1 } } },
    { path: "", type: "pages", values: { layout: "pages-layout", nested: { y: 2 } } },
    { path: "docs/deep", values: { a: 2 } },
  ];
  it("merges every matching scope, longer paths and typed scopes winning, mappings deep-merged", () => {
    expect(defaultsFor(defaults, "docs/deep/p.md", { kind: "page" })).toEqual({ layout: "docs-layout", a: 2, nested: { x: 1, y: 2 } });
    expect(defaultsFor(defaults, "other.md", { kind: "page" })).toEqual({ layout: "pages-layout", a: 0, nested: { x: 1, y: 2 } });
    expect(defaultsFor(defaults, "_guides/g.md", { kind: "document", collection: "guides", relInCollection: "g.md" })).toEqual({ layout: "everywhere", a: 0, nested: { x: 1 } });
  });

  it("titles a page without one from its slug", () => {
    expect(titleizeSlug("getting-started")).toBe("Getting Started");
  });
});

describe("entries (jekyll/entry_filter.rb)", () => {
  const config = {
    source: "/p",
    collectionsDir: "/p",
    collections: new Map([["guides", { name: "guides", output: true, permalink: "" }]]),
    exclude: ["Gemfile", "vendor/bundle/", "*.log", "drafts/**"],
    include: [".well-known", "_redirects"],
  } as unknown as JekyllConfig;
  const entries = new JekyllEntries(config);
  it.each([
    ["page.md", true],
    ["_private.md", false],
    [".hidden", false],
    ["#temp.md", false],
    ["backup.md~", false],
    ["Gemfile", false],
    ["vendor/bundle/x.rb", false],
    ["build.log", false],
    ["drafts/a/b.md", false],
    [".well-known", true],
    ["_redirects", true],
    ["_guides", true],
    ["_guides/install.md", true],
    ["_layouts", false],
  ])("%s → %s", (rel, read) => {
    expect(entries.accepts(rel)).toBe(read);
  });
  it("knows a collection's documents", () => {
    expect(entries.kindOf("_guides/a/b.md")).toEqual({ kind: "document", collection: "guides", relInCollection: "a/b.md" });
    expect(entries.kindOf("guides/a.md")).toEqual({ kind: "page" });
  });
});

describe("layout mapping", () => {
  const ours = ["article", "base", "default", "home"];
  it.each([
    ["post", "article", true],
    ["page", "article", true],
    ["docs", "article", true],
    ["home", "home", true],
    ["none", "default", true],
    ["default.njk", "default", true],
    ["fancy", "article", false],
  ])("%s → %s (known %s)", (name, layout, known) => {
    expect(mapLayout(name, ours)).toEqual({ layout, known });
  });
});
