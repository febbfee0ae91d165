// The sidebar renderer: sections, open state, the current page marked, the path prefix, escaping, and
// one rendering per set of open sections.
import { describe, expect, it } from "vitest";
import { pageNav, type NavSection } from "../../src/layouts/navigation.ts";
import { Sidebar, sidebarIn } from "../../src/layouts/sidebar.ts";
import { PageFactsReader, readPageFacts } from "../../src/checks/html-facts.ts";
import { parseFragment } from "../helpers/html.ts";

const navigation: NavSection[] = [
  {
    title: "Basics & setup",
    url: "/basics/",
    collapsed: true,
    items: [
      { title: "Install <Jaeger>", url: "/basics/install/", external: false },
      { title: "Jaeger's site", url: "https://www.jaegertracing.io/?a=1&b=2", external: true },
    ],
  },
  { title: "Reference", collapsed: true, items: [{ title: "API", url: "/reference/api/", external: false }] },
];
const prefix = (p: string) => `/docs${p}`;

function render(sidebar: Sidebar, pageUrl: string) {
  const html = sidebar.render(navigation, pageNav(navigation, pageUrl, "Title"), pageUrl, prefix);
  return { html, nav: parseFragment(html).querySelector("nav#sidebar")! };
}

describe("Sidebar", () => {
  it("renders each section with its links, prefixed, and the extra links", () => {
    const { nav } = render(new Sidebar(), "/basics/install/");
    const sections = [...nav.querySelectorAll("details.nav-section")];
    expect(sections.map((s) => s.querySelector("summary")!.textContent)).toEqual(["Basics & setup", "Reference"]);
    expect([...sections[0]!.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Overview", "/docs/basics/"],
      ["Install <Jaeger>", "/docs/basics/install/"],
      ["Jaeger's site", "https://www.jaegertracing.io/?a=1&b=2"],
    ]);
    expect([...nav.querySelectorAll(".nav-list--extra a")].map((a) => a.getAttribute("href"))).toEqual(["/docs/tags/", "/docs/contributors/"]);
    expect(nav.getAttribute("aria-label")).toBe("Guide");
    expect(nav.hasAttribute("data-pagefind-ignore")).toBe(true);
  });

  it("opens the current page's section and marks only its link", () => {
    const sidebar = new Sidebar();
    for (const [url, open] of [
      ["/basics/install/", [true, false]],
      ["/basics/", [true, false]],
      ["/reference/api/", [false, true]],
      ["/tags/", [false, false]],
    ] as const) {
      const { nav } = render(sidebar, url);
      expect([...nav.querySelectorAll("details")].map((d) => d.hasAttribute("open")), url).toEqual(open);
      expect([...nav.querySelectorAll('[aria-current="page"]')].map((a) => a.getAttribute("href")), url).toEqual([prefix(url)]);
    }
    expect(render(sidebar, "/elsewhere/").nav.querySelectorAll("[aria-current]")).toHaveLength(0);
  });

  it("renders once per set of open sections, and tells the link check what each page got", () => {
    const sidebar = new Sidebar();
    const a = render(sidebar, "/basics/");
    const b = render(sidebar, "/basics/install/");
    const c = render(sidebar, "/reference/api/");
    expect(sidebar.of("/basics/")!.html).toBe(a.html);
    expect(sidebar.of("/basics/install/")!.html).toBe(b.html);
    // The same sections open: one unmarked rendering, the same links and ids as each page's.
    expect(sidebar.of("/basics/")!.plain).toBe(sidebar.of("/basics/install/")!.plain);
    expect(sidebar.of("/basics/")!.plain).toBe(a.html.replace(' aria-current="page"', ""));
    expect(sidebar.of("/reference/api/")!.plain).toBe(c.html.replace(' aria-current="page"', ""));
    expect(sidebar.of("/reference/api/")!.plain).not.toBe(sidebar.of("/basics/")!.plain);
    sidebar.clear();
    expect(sidebar.of("/basics/")).toBeUndefined();
  });

  it("is found in a page it was rendered into, as `of` gives it, and its links read the same", () => {
    const sidebar = new Sidebar();
    const reader = new PageFactsReader();
    for (const url of ["/basics/install/", "/reference/api/", "/elsewhere/"]) {
      const { html } = render(sidebar, url);
      const page = `<!doctype html><body><header><a href="/">Home</a></header>\n${html}<main id="m"><a href="#m">top</a></main></body>`;
      const found = sidebarIn(page);
      expect(found).toEqual(sidebar.of(url));
      expect(reader.read(page, found)).toEqual(readPageFacts(page));
    }
    expect(sidebarIn("<main>no sidebar</main>")).toBeUndefined();
  });
});
