// The <title> of a page: "Page · Site", or the page title alone when both would be too long.

/** Search engines cut titles at about this length, and html-validate's `long-title` rule agrees. */
export const TITLE_MAX_LENGTH = 70;

export function pageTitle(title: string | undefined, siteTitle: string): string {
  const own = (title ?? "").trim();
  if (!own || own === siteTitle) return siteTitle;
  const full = `${own} · ${siteTitle}`;
  // The page's own words matter more than the site's name in a tab or a search result.
  return full.length <= TITLE_MAX_LENGTH ? full : own;
}
