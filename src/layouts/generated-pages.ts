// Pages the layouts stage generates itself (Eleventy virtual templates): tag and contributor pages
// with their indexes, the 404 page, sitemap.xml, robots.txt, redirect pages, `_headers`, `_redirects`.
import type { UserConfig } from "@11ty/eleventy";

/** Data every generated page shares: left out of listings, no page of its own in a collection. */
const GENERATED = { generatedPage: true };
const NOT_A_PAGE = { ...GENERATED, layout: false, eleventyExcludeFromCollections: true, sitemap: false };

interface Slugged {
  slug: string;
  name: string;
}

/**
 * The sitemap lists every page's "last updated" date: a warm build renders it again whatever pages
 * it renders (src/build/warm-build.ts), since a commit changes the dates of the pages it touched.
 * `template` is its path in the input folder, `output` its file in the output folder.
 */
export const SITEMAP = { template: "_generated/sitemap.njk", output: "sitemap.xml" } as const;

export function registerGeneratedPages(eleventyConfig: UserConfig): void {
  // Listings: indexed by the sitemap, left out of search so results point at the real pages.
  const listing = { ...GENERATED, search: false };

  // The two taxonomies: an index page, and one page per entry listing its pages.
  const taxonomies = [
    {
      name: "tags",
      singular: "tag",
      collection: "tagList",
      alias: "tag",
      indexTitle: "Tags",
      description: "Every tag used in the guide, with the pages that carry it.",
      title: (tag: Slugged) => `Tagged “${tag.name}”`,
    },
    {
      name: "contributors",
      singular: "contributor",
      collection: "contributorList",
      alias: "person",
      indexTitle: "Contributors",
      description: "The people who wrote the guide, with the pages each of them worked on.",
      title: (person: Slugged) => `Pages by ${person.name}`,
    },
  ];
  for (const t of taxonomies) {
    eleventyConfig.addTemplate(`_generated/${t.name}-index.njk`, "", {
      ...listing,
      layout: `listings/${t.name}-index.njk`,
      title: t.indexTitle,
      description: t.description,
      permalink: `/${t.name}/`,
    });
    eleventyConfig.addTemplate(`_generated/${t.singular}.njk`, "", {
      ...listing,
      layout: `listings/${t.singular}.njk`,
      pagination: { data: `collections.${t.collection}`, size: 1, alias: t.alias, addAllPagesToCollections: true },
      eleventyComputed: {
        title: (data: Record<string, Slugged>) => t.title(data[t.alias]!),
        permalink: (data: Record<string, Slugged>) => `/${t.name}/${data[t.alias]!.slug}/`,
      },
    });
  }

  eleventyConfig.addTemplate("_generated/404.njk", "", {
    ...NOT_A_PAGE,
    layout: "not-found.njk",
    title: "Page not found",
    noindex: true,
    search: false,
    permalink: "/404.html",
  });

  eleventyConfig.addTemplate("_generated/redirect.njk", "", {
    ...NOT_A_PAGE,
    layout: "redirect.njk",
    noindex: true,
    search: false,
    pagination: { data: "collections.redirects", size: 1, alias: "redirect" },
    eleventyComputed: {
      title: (data: { redirect: { title: string } }) => data.redirect.title,
      permalink: (data: { redirect: { output: string } }) => data.redirect.output,
    },
  });

  // Plain-text outputs: the body is the template itself, with no layout.
  const sitemap = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{%- for entry in collections.sitemapPages %}
  <url><loc>{{ entry.url | url | absoluteUrl }}</loc>{% if entry.lastmod %}<lastmod>{{ entry.lastmod }}</lastmod>{% endif %}</url>
{%- endfor %}
</urlset>
`;
  eleventyConfig.addTemplate(SITEMAP.template, sitemap, { ...NOT_A_PAGE, permalink: `/${SITEMAP.output}` });

  const robots = `User-agent: *
Allow: /
{% if site.url %}Sitemap: {{ "/sitemap.xml" | url | absoluteUrl }}
{% endif %}`;
  eleventyConfig.addTemplate("_generated/robots.njk", robots, { ...NOT_A_PAGE, permalink: "/robots.txt" });

  eleventyConfig.addTemplate("_generated/headers.njk", `{{ "/" | url | headersFile | safe }}`, {
    ...NOT_A_PAGE,
    permalink: "/_headers",
  });

  const redirects = `# Permanent redirects generated from the pages' redirect_from front matter.
{% for r in collections.redirects -%}
{{ r.from | url | safe }} {{ r.to | url | safe }} 301
{% endfor %}`;
  eleventyConfig.addTemplate("_generated/redirects.njk", redirects, { ...NOT_A_PAGE, permalink: "/_redirects" });
}
