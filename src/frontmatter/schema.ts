// The page front matter schema: the single source of truth for field names, types and defaults.
import { z } from "zod";

/** Plan tiers in ascending order. A page for a tier is available on that tier and every higher one. */
export const PLAN_TIERS = ["community", "pro", "enterprise"] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

/** `logzio-plan`: one tier, or a space-separated list of tiers (`pro enterprise`). */
const planSchema = z
  .string()
  .trim()
  .refine((v) => v.length > 0 && v.split(/\s+/).every((t) => (PLAN_TIERS as readonly string[]).includes(t)), {
    message: `must be one of ${PLAN_TIERS.join(", ")}, or a space-separated list of them`,
  });

export const flagsSchema = z
  .object({
    /** Which plans include the feature. Default: none shown. */
    "logzio-plan": planSchema.optional(),
    /** Shows a Beta badge. Default: false. */
    beta: z.boolean().optional(),
    /** Shows an Alpha badge. Default: false. */
    alpha: z.boolean().optional(),
    /** Shows an Admin badge (the feature needs admin rights). Default: false. */
    admin: z.boolean().optional(),
  })
  .strict();

const pathList = z.union([z.string().min(1), z.array(z.string().min(1))]);

export const frontMatterSchema = z.object({
  /** One of the site's layouts (`_includes/<name>.njk`). Default: `article`. */
  layout: z.string().min(1).optional(),
  /** The page title: the first h1, the <title>, and the search result title. Required. */
  title: z.string().trim().min(1, { message: "must not be empty" }),
  /** Output URL: `/a/b/` → a/b/index.html, `/a/b.html` → a/b.html, `/a/b` → a/b.html served at /a/b. Default: from the file path. */
  permalink: z.union([z.string().min(1), z.literal(false)]).optional(),
  /** One-sentence summary for search engines, Open Graph and link previews. */
  description: z.string().optional(),
  /** Social preview image path. */
  image: z.string().optional(),
  flags: flagsSchema.optional(),
  /** Tags; each must be listed in `_data/tags.yaml`. Default: none. */
  tags: z.array(z.string().min(1)).optional(),
  /** Contributor slugs from `_data/contributors.yaml`. Default: none. */
  contributors: z.array(z.string().min(1)).optional(),
  /** Include the page in sitemap.xml. Default: true. */
  sitemap: z.boolean().optional(),
  /** Ask search engines not to index the page. Default: false. */
  noindex: z.boolean().optional(),
  /** Include the page in the site search index. Default: true. */
  search: z.boolean().optional(),
  /** Position in navigation listings, lowest first. Default: after ordered pages, by title. */
  order: z.number().optional(),
  /** Old paths that redirect here. */
  redirect_from: pathList.optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Flags = z.infer<typeof flagsSchema>;

/** Keys Eleventy itself or Jekyll pages use that are not ours to validate, but are not typos either. */
export const PASS_THROUGH_KEYS = new Set([
  "eleventyExcludeFromCollections",
  "eleventyComputed",
  "eleventyNavigation",
  "pagination",
  "date",
  "last_modified_at",
  "excerpt",
  "published",
]);

export const KNOWN_KEYS: readonly string[] = Object.keys(frontMatterSchema.shape);
export const KNOWN_FLAG_KEYS: readonly string[] = Object.keys(flagsSchema.shape);
