// Schemas for the site's data files in `_data/`: site.yaml, contributors.yaml, tags.yaml, navigation.yaml.
import { z } from "zod";

/** `_data/site.yaml`: site-wide settings that layouts read as `site.*`. */
export const siteSchema = z.object({
  /** Site title, shown in the header and in every `<title>`. Required. */
  title: z.string().min(1),
  /** Default meta description for pages that have none. Default: "". */
  description: z.string().default(""),
  /** Absolute origin of the published site (canonical links, Open Graph, sitemap). Default: "". */
  url: z.union([z.url(), z.literal("")]).default(""),
  /** Path prefix when hosted under a subpath (Jekyll's `baseurl`). Default: "/". */
  baseurl: z.string().default("/"),
  /** Repository web URL for "Edit this page" links. Default: none (no edit link). */
  repository: z.url().optional(),
  /** Branch the edit link points at. Default: "main". */
  branch: z.string().min(1).default("main"),
  /** Content folder relative to the repository root. Default: "content". */
  contentPath: z.string().default("content"),
  /** Value of `<html lang>`. Default: "en". */
  language: z.string().min(2).default("en"),
  /** Extra front matter keys this site's pages may use (read by its layouts); not reported as unknown. */
  frontMatterKeys: z.array(z.string().min(1)).default([]),
});
export type SiteData = z.infer<typeof siteSchema>;

/** `_data/contributors.yaml`: slug → display name and optional GitHub handle. */
export const contributorsSchema = z.record(
  z.string().min(1),
  z.object({
    /** Display name. Required. */
    name: z.string().min(1),
    /** GitHub handle, without `@`. Default: none. */
    github: z.string().regex(/^[A-Za-z0-9-]+$/).optional(),
  }),
);
export type ContributorsData = z.infer<typeof contributorsSchema>;

/** `_data/tags.yaml`: the known tags (exactly as pages write them) → optional description. */
export const tagsSchema = z.record(
  z.string().min(1),
  z
    .object({
      /** One sentence shown on the tag's page and in the tag index. Default: none. */
      description: z.string().optional(),
    })
    .nullable()
    .transform((v) => v ?? {}),
);
export type TagsData = z.infer<typeof tagsSchema>;

/** A sidebar entry: a page URL, or `{ url, title }` to override the page's title. */
const navItemSchema = z.union([
  z.string().startsWith("/").transform((url) => ({ url, title: undefined as string | undefined })),
  z.object({ url: z.string().min(1), title: z.string().min(1).optional() }),
]);

/** `_data/navigation.yaml`: the sidebar, a list of sections (format documented in that file). */
export const navigationSchema = z.array(
  z
    .object({
      /** Section label. Required. */
      title: z.string().min(1),
      /** Landing page of the section, linked from its label. Default: none. */
      url: z.string().startsWith("/").optional(),
      /** Start collapsed (the section holding the current page always opens). Default: false. */
      collapsed: z.boolean().default(false),
      /** Ordered pages. Default: []. */
      pages: z.array(navItemSchema).default([]),
      /** Instead of listing pages: every page whose URL starts with this prefix, by `order` then title. */
      from: z.string().startsWith("/").optional(),
    })
    .strict(),
);
export type NavigationData = z.infer<typeof navigationSchema>;
export type NavigationInput = z.input<typeof navigationSchema>;
