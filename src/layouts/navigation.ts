// The sidebar, breadcrumbs and previous/next links, resolved from _data/navigation.yaml and the pages.
import type { NavigationData } from "../site/schema.ts";
import type { PageSummary } from "./collection.ts";

export interface NavLink {
  title: string;
  url: string;
  external: boolean;
}

export interface NavSection {
  title: string;
  url?: string;
  collapsed: boolean;
  items: NavLink[];
}

/** What one page needs: the sections (with which one is open), breadcrumbs, previous and next. */
export interface PageNav {
  sections: Array<NavSection & { open: boolean; current: boolean }>;
  breadcrumbs: NavLink[];
  prev?: NavLink;
  next?: NavLink;
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

/** Page URLs compare without a trailing `index.html` or `.html`, as readers see them. */
export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => u.replace(/index\.html$/, "").replace(/\.html$/, "");
  return norm(a) === norm(b);
}

function byOrder(a: PageSummary, b: PageSummary): number {
  const oa = a.order ?? Number.POSITIVE_INFINITY;
  const ob = b.order ?? Number.POSITIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.title.localeCompare(b.title, "en") || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/**
 * Resolve every section against the built pages: titles come from the pages unless overridden,
 * `from:` sections list the pages under a URL prefix. `unknown` is told about entries that name
 * no page, so the build can warn; they are left out of the sidebar.
 */
export function resolveNavigation(
  nav: NavigationData,
  pages: PageSummary[],
  unknown: (url: string) => void,
): NavSection[] {
  const find = (url: string) => pages.find((p) => sameUrl(p.url, url));
  return nav.map((section) => {
    let items: NavLink[];
    if (section.from !== undefined) {
      const prefix = section.from;
      items = pages
        .filter((p) => p.url.startsWith(prefix) && !sameUrl(p.url, section.url ?? "\0"))
        .sort(byOrder)
        .map((p) => ({ title: p.title, url: p.url, external: false }));
    } else {
      items = section.pages.flatMap((entry): NavLink[] => {
        if (isExternal(entry.url)) return [{ title: entry.title ?? entry.url, url: entry.url, external: true }];
        const page = find(entry.url);
        if (!page) {
          unknown(entry.url);
          return [];
        }
        return [{ title: entry.title ?? page.title, url: page.url, external: false }];
      });
    }
    let url = section.url;
    if (url !== undefined) {
      const landing = find(url);
      if (!landing) unknown(url);
      url = landing?.url;
    }
    return { title: section.title, url, collapsed: section.collapsed, items };
  });
}

/** Reading order: each section's landing page, then its pages; a URL appears once. */
function readingOrder(sections: NavSection[]): Array<NavLink & { section: NavSection }> {
  const seen = new Set<string>();
  const order: Array<NavLink & { section: NavSection }> = [];
  for (const section of sections) {
    const links = section.url ? [{ title: section.title, url: section.url, external: false }, ...section.items] : section.items;
    for (const link of links) {
      if (link.external || seen.has(link.url)) continue;
      seen.add(link.url);
      order.push({ ...link, section });
    }
  }
  return order;
}

export function pageNav(sections: NavSection[], pageUrl: string, pageTitle: string, homeUrl = "/"): PageNav {
  const order = readingOrder(sections);
  const index = order.findIndex((l) => sameUrl(l.url, pageUrl));
  const here = index >= 0 ? order[index] : undefined;
  const breadcrumbs: NavLink[] = [];
  if (!sameUrl(pageUrl, homeUrl)) {
    breadcrumbs.push({ title: "Home", url: homeUrl, external: false });
    if (here && here.section.url && !sameUrl(here.section.url, pageUrl)) {
      breadcrumbs.push({ title: here.section.title, url: here.section.url, external: false });
    } else if (here && !here.section.url) {
      // A section without a landing page still says where the reader is, as plain text.
      breadcrumbs.push({ title: here.section.title, url: "", external: false });
    }
    breadcrumbs.push({ title: pageTitle, url: pageUrl, external: false });
  }
  const strip = (l: (NavLink & { section: NavSection }) | undefined): NavLink | undefined =>
    l && { title: l.title, url: l.url, external: false };
  return {
    sections: sections.map((s) => {
      const current = (s.url !== undefined && sameUrl(s.url, pageUrl)) || s.items.some((i) => sameUrl(i.url, pageUrl));
      return { ...s, current, open: current || !s.collapsed };
    }),
    breadcrumbs,
    prev: index > 0 ? strip(order[index - 1]) : undefined,
    next: index >= 0 ? strip(order[index + 1]) : undefined,
  };
}
