// Template filters and shortcodes the layouts call: indexed header, plan box, tag and contributor links, TOC, navigation, dates, URLs, titles.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { SiteDataStore } from "../site/store.ts";
import { CONTENT_SECURITY_POLICY, headersFile } from "./csp.ts";
import { LastUpdated, readableDate } from "./last-updated.ts";
import { pageNav, type NavSection } from "./navigation.ts";
import { indexedHeading, searchFilters } from "./indexed-header.ts";
import { asList, type PageFlags } from "./page-data.ts";
import { pageTitle } from "./page-title.ts";
import { planBox } from "./plans.ts";
import { slugify } from "./taxonomy.ts";
import { tableOfContents, type TocIndex } from "./toc.ts";

export interface FilterDeps {
  store: SiteDataStore;
  /** The content folder, to turn an input path into the path shown in the repository. */
  inputDir: () => string;
  lastUpdated?: LastUpdated;
  /** TOCs kept from the Markdown render; without it, each page's content is parsed. */
  tocs?: TocIndex;
}

export interface TaxonomyLink {
  name: string;
  /** Absent when the tag or contributor is not in the site's data: rendered as plain text. */
  url?: string;
  github?: string;
}

export function tagLink(store: SiteDataStore, name: string): TaxonomyLink {
  const known = Object.hasOwn(store.get().tags, name);
  return known ? { name, url: `/tags/${slugify(name)}/` } : { name };
}

export function contributorLink(store: SiteDataStore, key: string): TaxonomyLink {
  const contributors = store.get().contributors;
  const person = Object.hasOwn(contributors, key) ? contributors[key] : undefined;
  return person ? { name: person.name, url: `/contributors/${slugify(key)}/`, github: person.github } : { name: key };
}

/** "Edit this page": repository + `/edit/<branch>/` + content path + the file's path in the content folder. */
export function editUrl(store: SiteDataStore, inputDir: string, inputPath: string): string | undefined {
  const { repository, branch, contentPath } = store.get().site;
  if (!repository) return undefined;
  const rel = path.relative(inputDir, path.resolve(inputPath)).split(path.sep).join("/");
  if (rel.startsWith("..")) return undefined; // a generated page has no source file to edit
  const segments = [branch, ...contentPath.split("/"), ...rel.split("/")].filter((p) => p !== "");
  return `${repository.replace(/\/+$/, "")}/edit/${segments.map(encodeURIComponent).join("/")}`;
}

/** The site's origin before a URL that already carries the path prefix (from Eleventy's `url`). */
export function absoluteUrl(store: SiteDataStore, url: string): string {
  const origin = store.get().site.url.replace(/\/+$/, "");
  return /^[a-z]+:/i.test(url) ? url : `${origin}${url.startsWith("/") ? "" : "/"}${url}`;
}

export function registerFilters(eleventyConfig: UserConfig, deps: FilterDeps): void {
  const { store } = deps;
  const lastUpdated = deps.lastUpdated ?? new LastUpdated();

  eleventyConfig.addFilter("planBox", (plan: string | undefined) => planBox(plan));
  eleventyConfig.addShortcode("indexedHeading", (title: unknown, flags: PageFlags | undefined) => indexedHeading({ title, flags }));
  eleventyConfig.addShortcode("searchFilters", (tags: string[] | string | undefined, flags: PageFlags | undefined) => searchFilters({ tags, flags }));
  eleventyConfig.addFilter("asList", (value: string[] | string | undefined) => asList(value));
  eleventyConfig.addFilter("tagLink", (name: string) => tagLink(store, name));
  eleventyConfig.addFilter("contributorLink", (key: string) => contributorLink(store, key));
  eleventyConfig.addFilter("toc", function (this: unknown, html: string) {
    const url = (this as { page?: { url?: unknown } } | undefined)?.page?.url;
    return deps.tocs ? deps.tocs.of(typeof url === "string" ? url : undefined, html ?? "") : tableOfContents(html ?? "");
  });
  eleventyConfig.addFilter("pageNav", (sections: NavSection[] | undefined, url: string, title: string) =>
    pageNav(sections ?? [], url, title ?? ""),
  );
  eleventyConfig.addFilter("lastUpdated", (inputPath: string) => lastUpdated.of(inputPath));
  eleventyConfig.addFilter("readableDate", (iso: string) => readableDate(iso));
  eleventyConfig.addFilter("editUrl", (inputPath: string) => editUrl(store, deps.inputDir(), inputPath));
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(store, url));
  eleventyConfig.addFilter("headersFile", (prefix: string) => headersFile(prefix));
  eleventyConfig.addFilter("csp", () => CONTENT_SECURITY_POLICY);
  eleventyConfig.addFilter("pageTitle", (title: string | undefined, siteTitle: string) => pageTitle(title, siteTitle ?? ""));
}
