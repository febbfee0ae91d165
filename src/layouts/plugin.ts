// Layouts stage: page chrome (header, plan box, badges, contributors, tags), the reading features'
// data (sidebar, TOC, breadcrumbs, footer) and the generated pages (tags, contributors, 404, sitemap…).
import fs from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { lineOfKey } from "../site/load.ts";
import { SiteDataStore } from "../site/store.ts";
import { contentPages, type CollectionApi } from "./collection.ts";
import { registerFilters } from "./filters.ts";
import { memoizeUrlFilter } from "./url-filter.ts";
import { registerGeneratedPages } from "./generated-pages.ts";
import { LastUpdated } from "./last-updated.ts";
import { resolveNavigation } from "./navigation.ts";
import { collectRedirects } from "./redirects.ts";
import { icon } from "./icons.ts";
import { Sidebar } from "./sidebar.ts";
import type { TocIndex } from "./toc.ts";
import type { NavSection, PageNav } from "./navigation.ts";
import { contributorIndex, tagIndex } from "./taxonomy.ts";

export interface LayoutsOptions {
  ctx: BuildContext;
  /** TOCs kept from the Markdown stage (see TocIndex). */
  tocs?: TocIndex;
  /** Renders each page's sidebar; the link check reads its links once per rendering (see Sidebar). */
  sidebar?: Sidebar;
}

export function layoutsPlugin(eleventyConfig: UserConfig, options: LayoutsOptions): void {
  const { ctx } = options;
  const store = new SiteDataStore(() => ctx.dirs.data, ctx.diagnostics, () => ctx.siteData);
  const lastUpdated = ctx.dates ?? new LastUpdated();

  // Every front matter value a layout prints is escaped; page bodies go through `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  // What writers get when they name no layout.
  eleventyConfig.addGlobalData("layout", "article");

  // The site's own data files are validated here and exposed as `site` (with Jekyll's `site.data.*`),
  // never as raw global data: see SITE_DATA_FILES for why.
  eleventyConfig.addDataExtension("yaml,yml", { parser: (text, file) => store.parseDataFile(text, file) });
  eleventyConfig.addGlobalData("site", () => {
    const data = store.get();
    return { ...data.site, data: { contributors: data.contributors, tags: data.tags, navigation: data.navigation } };
  });
  eleventyConfig.on("eleventy.before", () => {
    store.reset();
    options.tocs?.clear();
  });

  // The theme's assets/ are copied by the build itself (src/build/static-files.ts).

  registerFilters(eleventyConfig, { store, inputDir: () => ctx.dirs.input, lastUpdated, tocs: options.tocs });
  memoizeUrlFilter(eleventyConfig);
  eleventyConfig.addShortcode("icon", (name: string, cls?: string) => icon(name, cls));
  const sidebar = options.sidebar ?? new Sidebar();
  eleventyConfig.on("eleventy.before", () => sidebar.clear());
  eleventyConfig.addShortcode("sidebar", (navigation: NavSection[], nav: PageNav, pageUrl: string) => {
    const url = eleventyConfig.getFilter("url") as (path: string) => unknown;
    return sidebar.render(navigation, nav, pageUrl, (p) => String(url(p)));
  });

  const navFile = () => path.join(ctx.dirs.data, "navigation.yaml");
  eleventyConfig.addCollection("sidebar", (api: CollectionApi) =>
    resolveNavigation(store.get().navigation, contentPages(api), (url) => {
      const text = fs.existsSync(navFile()) ? fs.readFileSync(navFile(), "utf8") : "";
      const line = text.split("\n").findIndex((l) => !/^\s*#/.test(l) && l.includes(url));
      ctx.diagnostics.warn({
        code: "NAV_UNKNOWN_PAGE",
        message: `navigation.yaml lists ${url}, but no page has that URL`,
        file: displayPath(navFile()),
        line: line >= 0 ? line + 1 : lineOfKey(text, "pages"),
        hint: "Use the page's permalink exactly as written in its front matter, or remove the entry.",
      });
    }),
  );
  eleventyConfig.addCollection("tagList", (api: CollectionApi) => tagIndex(api, store.get().tags));
  eleventyConfig.addCollection("contributorList", (api: CollectionApi) => contributorIndex(api, store.get().contributors));
  eleventyConfig.addCollection("redirects", (api: CollectionApi) => collectRedirects(api));
  eleventyConfig.addCollection("sitemapPages", (api: CollectionApi) =>
    api
      .getAll()
      .filter((item) => typeof item.url === "string" && item.data.sitemap !== false && item.data.noindex !== true)
      .map((item) => ({ url: item.url as string, lastmod: item.data.generatedPage ? undefined : lastUpdated.of(item.inputPath) }))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  );

  registerGeneratedPages(eleventyConfig);
}
