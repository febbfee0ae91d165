// Jekyll's filters: ours (relative_url, absolute_url, slugify, markdownify) as unit cases, with
// Jekyll 4's documented results, and the ones liquidjs provides through a real build.
import { describe, expect, it } from "vitest";
import { absoluteUrl, jekyllFilters, relativeUrl } from "../../src/liquid/filters.ts";
import { jekyllSlugify } from "../../src/jekyll/slugify.ts";
import { parseFragment } from "../helpers/html.ts";

describe("relative_url and absolute_url (jekyll/filters/url_filters.rb)", () => {
  it.each([
    ["/docs", "/guides/", "/docs/guides/"],
    ["/docs", "guides/a.html", "/docs/guides/a.html"],
    ["/docs/", "/a", "/docs/a"],
    ["", "/a/", "/a/"],
    ["", "a", "/a"],
    ["/docs", "https://example.org/x", "https://example.org/x"],
    ["/docs", "/a b/", "/docs/a%20b/"],
  ])("baseurl %j, %j → %j", (baseurl, input, expected) => {
    expect(relativeUrl(input, baseurl)).toBe(expected);
  });

  it("takes a page's url, and leaves nil alone", () => {
    expect(relativeUrl({ url: "/p/" }, "/docs")).toBe("/docs/p/");
    expect(relativeUrl(undefined, "/docs")).toBeUndefined();
  });

  it("absolute_url puts site.url before the relative URL, or stays relative without one", () => {
    expect(absoluteUrl("/about", "/docs", "https://docs.example.org/")).toBe("https://docs.example.org/docs/about");
    expect(absoluteUrl("/about", "/docs", "")).toBe("/docs/about");
  });
});

describe("slugify (Jekyll::Utils.slugify)", () => {
  it.each([
    ["The _config.yml file", "default", "the-config-yml-file"],
    ["The _config.yml file", "pretty", "the-_config.yml-file"],
    ["The _config.yml file", "raw", "the-_config.yml-file"],
    ["The _config.yml file", "ascii", "the-config-yml-file"],
    ["The _cönfig.yml file", "ascii", "the-c-nfig-yml-file"],
    ["The _cönfig.yml file", "latin", "the-config-yml-file"],
    ["Ünïcode café", "default", "ünïcode-café"],
    ["  --Hello, World!--  ", "default", "hello-world"],
  ])("%j (%s) → %j", (input, mode, expected) => {
    expect(jekyllSlugify(input, mode)).toBe(expected);
  });

  it("keeps case when asked (cased), and is empty for nil", () => {
    expect(jekyllSlugify("The Title", "pretty", true)).toBe("The-Title");
    expect(jekyllSlugify(null)).toBe("");
  });
});

describe("markdownify", () => {
  it("renders Markdown blocks with our Markdown (heading ids included)", () => {
    const markdownify = jekyllFilters({ baseurl: () => "", url: () => "" }).markdownify!;
    const html = parseFragment(String(markdownify("## Two words\n\nSome *emphasis*.")));
    expect(html.querySelector("h2")?.id).toBe("two-words");
    expect(html.querySelector("p em")?.textContent).toBe("emphasis");
    expect(markdownify(undefined)).toBe("");
  });
});
