// The guide's sidebar (from _data/navigation.yaml): collapsible sections, the current page marked.
//
// Why TypeScript and not a Nunjucks partial: every page repeats the same sidebar of every link in the
// guide. As a partial it was rendered again for each page (about 110 links, each through Eleventy's
// filter wrappers), and the link check parsed it again in each page: together about 4 s of a
// 4,000-page build. Here it is rendered once per combination of open sections, and a page only marks
// its own link; the link check reads each rendering's links once (`of`, read by PageFactsReader).
import { escapeHtml } from "./escape.ts";
import type { NavSection, PageNav } from "./navigation.ts";

/** One rendering with the current-page marks left out: `parts[i]`, then link i's mark if current, then `parts[i + 1]`. */
interface Rendering {
  parts: string[];
  /** Each link's URL as navigation gives it, compared with the page's URL as the partial did. */
  urls: string[];
  /** The rendering with no page marked, for the link check. */
  plain: string;
}

const CURRENT = ' aria-current="page"';

export class Sidebar {
  /** Per navigation (one `sidebar` collection per build), per open-sections key. */
  readonly #renderings = new WeakMap<readonly NavSection[], Map<string, Rendering>>();
  /** The rendering each page's sidebar came from (its HTML is made again when asked: 10 KB a page). */
  readonly #pages = new Map<string, Rendering>();

  /**
   * The sidebar for the page at `pageUrl`. `navigation` is the build's `sidebar` collection, `nav`
   * the page's view of it (`pageNav`), `url` the site's `url` filter (path prefix).
   */
  render(navigation: readonly NavSection[], nav: PageNav, pageUrl: string, url: (path: string) => string): string {
    let byKey = this.#renderings.get(navigation);
    if (!byKey) this.#renderings.set(navigation, (byKey = new Map()));
    const key = nav.sections.map((s) => (s.open ? "1" : "0")).join("");
    let rendering = byKey.get(key);
    if (!rendering) byKey.set(key, (rendering = render(nav, url)));
    this.#pages.set(pageUrl, rendering);
    return marked(rendering, pageUrl);
  }

  /**
   * The sidebar the page at `pageUrl` got in this build and the unmarked rendering's HTML (the same
   * links and ids), or undefined if it has none.
   */
  of(pageUrl: string): { html: string; plain: string } | undefined {
    const rendering = this.#pages.get(pageUrl);
    return rendering && { html: marked(rendering, pageUrl), plain: rendering.plain };
  }

  /** Forget the last build's pages. */
  clear(): void {
    this.#pages.clear();
  }
}

const OPENING = '<nav id="sidebar" ';
const CLOSING = "\n</nav>\n";

/**
 * The sidebar in a page this build did not render (a warm build keeps the last build's pages), found
 * by its markup: what `Sidebar.of` gives for a page it rendered. Undefined if the page has none.
 */
export function sidebarIn(html: string): { html: string; plain: string } | undefined {
  const start = html.indexOf(OPENING);
  const end = start < 0 ? -1 : html.indexOf(CLOSING, start);
  if (end < 0) return undefined;
  const part = html.slice(start, end + CLOSING.length);
  return { html: part, plain: part.replaceAll(CURRENT, "") };
}

/** The rendering with the page's own link (or links) marked current. */
function marked(rendering: Rendering, pageUrl: string): string {
  let html = rendering.parts[0]!;
  for (let i = 0; i < rendering.urls.length; i++) html += (rendering.urls[i] === pageUrl ? CURRENT : "") + rendering.parts[i + 1];
  return html;
}

function render(nav: PageNav, url: (path: string) => string): Rendering {
  const parts: string[] = [];
  const urls: string[] = [];
  let text = `${OPENING}class="sidebar" aria-label="Guide" data-pagefind-ignore>\n<div class="sidebar__inner">`;
  const link = (target: string, href: string, label: string) => {
    text += `\n<li><a href="${escapeHtml(href)}"`;
    parts.push(text);
    urls.push(target);
    text = `>${escapeHtml(label)}</a></li>`;
  };
  for (const section of nav.sections) {
    text += `\n<details class="nav-section"${section.open ? " open" : ""}>\n<summary class="nav-section__title">${escapeHtml(section.title)}</summary>\n<ul class="nav-list">`;
    if (section.url) link(section.url, url(section.url), "Overview");
    for (const item of section.items) link(item.url, item.external ? item.url : url(item.url), item.title);
    text += `\n</ul>\n</details>`;
  }
  text += `\n<ul class="nav-list nav-list--extra">`;
  link("/tags/", url("/tags/"), "All tags");
  link("/contributors/", url("/contributors/"), "Contributors");
  text += `\n</ul>\n</div>${CLOSING}`;
  parts.push(text);
  return { parts, urls, plain: parts.join("") };
}
