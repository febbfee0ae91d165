// The front matter fields the layouts read, as Eleventy hands them to templates and collections.
// The authoritative schema is src/frontmatter/schema.ts; this is the read-only view layouts rely on.

export interface PageFlags {
  "logzio-plan"?: string;
  beta?: boolean;
  alpha?: boolean;
  admin?: boolean;
}

export interface PageFrontMatter {
  title?: string;
  description?: string;
  image?: string;
  flags?: PageFlags;
  tags?: string[] | string;
  contributors?: string[];
  sitemap?: boolean;
  noindex?: boolean;
  search?: boolean;
  order?: number;
  redirect_from?: string[] | string;
  /** Set by our own virtual templates (tag pages, redirects) so listings leave them out. */
  generatedPage?: boolean;
}

/** A front matter value that may be one string or a list, as a list. */
export function asList(value: string[] | string | undefined | null): string[] {
  if (value == null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}
