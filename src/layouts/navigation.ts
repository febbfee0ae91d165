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

/** Page URLs as `sameUrl` compares them. */
const normalizeUrl = (u: string) => u.replace(/index\.html$/, "").replace(/\.html$/, "");

/** Page URLs compare without a trailing `index.html` or `.html`, as readers see them. */
export function sameUrl(a: string, b: string): boolean {
  return normalizeUrl(a) === normalizeUrl(b);
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
  // By normalized URL, the first page with it: a linear search per entry was 0.25 s at 4,000 pages.
  const byUrl = new Map<string, PageSummary>();
  for (const page of pages) {
    const key = normalizeUrl(page.url);
    if (!byUrl.has(key)) byUrl.set(key, page);
  }
  const find = (url: string) => byUrl.get(normalizeUrl(url));
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

type OrderedLink = NavLink & { section: NavSection };

/** One sidebar's reading order and, by normalized URL, each page's place in it and its section. */
interface NavIndex {
  order: OrderedLink[];
  position: Map<string, number>;
  /** Normalized URL → the sections that list it (as landing page or item). */
  sectionsOf: Map<string, Set<NavSection>>;
  /** Each section as a page outside it sees it, and as a page in it does. */
  views: { elsewhere: PageNav["sections"][number]; current: PageNav["sections"][number] }[];
  /** The sections as a page in none of them sees them. */
  elsewhere: PageNav["sections"];
}

/**
 * Every page asks for its own nav from the same sidebar, so the reading order and the URL lookups
 * are built once per sidebar, not once per page: per page they made the build quadratic in pages
 * (about 7 s at 4,000 pages).
 */
const indexes = new WeakMap<NavSection[], NavIndex>();

/** Reading order: each section's landing page, then its pages; a URL appears once. */
function navIndex(sections: NavSection[]): NavIndex {
  const cached = indexes.get(sections);
  if (cached) return cached;
  const order: OrderedLink[] = [];
  const position = new Map<string, number>();
  const sectionsOf = new Map<string, Set<NavSection>>();
  for (const section of sections) {
    const links = section.url ? [{ title: section.title, url: section.url, external: false }, ...section.items] : section.items;
    for (const link of links) {
      const key = normalizeUrl(link.url);
      if (!link.external) {
        const owners = sectionsOf.get(key) ?? new Set();
        owners.add(section);
        sectionsOf.set(key, owners);
      }
      if (link.external || position.has(key)) continue;
      position.set(key, order.length);
      order.push({ ...link, section });
    }
  }
  // Made once here, not per page: a page's view differs only in the sections it is in, and
  // spreading every section for every page was 0.3 s of a 4,000-page build (two views a page).
  const views = sections.map((section) => ({
    elsewhere: { ...section, current: false, open: !section.collapsed },
    current: { ...section, current: true, open: true },
  }));
  const index = { order, position, sectionsOf, views, elsewhere: views.map((v) => v.elsewhere) };
  indexes.set(sections, index);
  return index;
}

const strip = (l: OrderedLink | undefined): NavLink | undefined => l && { title: l.title, url: l.url, external: false };

export function pageNav(sections: NavSection[], pageUrl: string, pageTitle: string, homeUrl = "/"): PageNav {
  const { order, position, sectionsOf, views, elsewhere } = navIndex(sections);
  const index = position.get(normalizeUrl(pageUrl)) ?? -1;
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
  const mine = sectionsOf.get(normalizeUrl(pageUrl));
  return {
    // Shared between pages: read, never changed.
    sections: mine ? views.map((view, i) => (mine.has(sections[i]!) ? view.current : view.elsewhere)) : elsewhere,
    breadcrumbs,
    prev: index > 0 ? strip(order[index - 1]) : undefined,
    next: index >= 0 ? strip(order[index + 1]) : undefined,
  };
}
