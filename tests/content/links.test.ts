// Every internal link in the guide points to a page's permalink, and every fragment to an id on that page.
import { describe, expect, it } from "vitest";
import { anchorIds, links, listIncludes, listPages } from "./guide.ts";

const pages = listPages();
const byPermalink = new Map(pages.map((p) => [String(p.data.permalink), p]));

interface Problem {
  where: string;
  href: string;
  why: string;
}

function check(where: string, body: string, selfIds: Set<string> | null): Problem[] {
  const problems: Problem[] = [];
  for (const { href, line } of links(body)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // external: http:, https:, mailto:
    const at = `${where}:${line}`;
    const [pathPart, fragment] = href.split("#", 2) as [string, string | undefined];
    let ids: Set<string> | null = selfIds;
    if (pathPart !== "") {
      const target = byPermalink.get(pathPart);
      if (!target) {
        problems.push({ where: at, href, why: "no page has this permalink" });
        continue;
      }
      ids = anchorIds(target.body);
    }
    if (fragment !== undefined && ids !== null && !ids.has(fragment)) {
      problems.push({ where: at, href, why: `no heading or element with id "${fragment}"` });
    }
  }
  return problems;
}

describe("internal links", () => {
  it("finds internal links to check", () => {
    const internal = pages.flatMap((p) => links(p.body)).filter((l) => l.href.startsWith("/"));
    expect(internal.length).toBeGreaterThan(30);
  });

  it.each(pages.map((p) => [p.file, p] as const))("%s: every internal link resolves", (_f, page) => {
    expect(check(page.file, page.body, anchorIds(page.body))).toEqual([]);
  });

  it("includes link only to pages (their fragments depend on the including page)", () => {
    const problems = listIncludes().flatMap((inc) => check(inc.file, inc.body, null));
    expect(problems).toEqual([]);
  });

  it("reports a link to a missing page or heading (the checker itself works)", () => {
    const body = "[a](/user-guide/distributed-tracing/nope/) [b](/user-guide/distributed-tracing/api/#nope) [c](#missing)";
    expect(check("fixture.md", body, new Set(["present"])).map((p) => p.href)).toEqual([
      "/user-guide/distributed-tracing/nope/",
      "/user-guide/distributed-tracing/api/#nope",
      "#missing",
    ]);
  });
});
