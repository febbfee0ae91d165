// Unit tests for the layouts' pure modules: plan tiers, TOC extraction, navigation, redirects, dates, data schemas.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { git as gitIn } from "../helpers/git.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { LastUpdated, readableDate } from "../../src/layouts/last-updated.ts";
import { pageNav, resolveNavigation } from "../../src/layouts/navigation.ts";
import { pageTitle, TITLE_MAX_LENGTH } from "../../src/layouts/page-title.ts";
import { includedTiers, planBox } from "../../src/layouts/plans.ts";
import { redirectOutputPath } from "../../src/layouts/redirects.ts";
import { slugify } from "../../src/layouts/taxonomy.ts";
import { tableOfContents } from "../../src/layouts/toc.ts";
import { navigationSchema, siteSchema } from "../../src/site/schema.ts";
import { lineOfKey, loadSiteData } from "../../src/site/load.ts";

describe("plan tiers", () => {
  it.each([
    ["community", ["community", "pro", "enterprise"]],
    ["pro", ["pro", "enterprise"]],
    ["enterprise", ["enterprise"]],
    ["pro enterprise", ["pro", "enterprise"]],
    ["community enterprise", ["community", "enterprise"]],
    ["Pro", ["pro", "enterprise"]],
    ["  enterprise   community ", ["community", "enterprise"]],
  ])("%j includes %j", (plan, tiers) => {
    expect(includedTiers(plan)).toEqual(tiers);
  });

  it("includes nothing when no plan is given", () => {
    expect(includedTiers(undefined)).toEqual([]);
    expect(includedTiers("")).toEqual([]);
    expect(planBox(undefined)).toEqual([]);
  });

  it("lists every tier in order, marking the included ones", () => {
    expect(planBox("pro").map((t) => [t.label, t.included])).toEqual([
      ["Community", false],
      ["Pro", true],
      ["Enterprise", true],
    ]);
  });
});

describe("table of contents", () => {
  it("nests h3 under h2, skips no_toc headings and the anchor link text", () => {
    const html = `<h1 id="t">Title</h1>
      <h2 id="setup">Set <em>up</em> &amp; run</h2><a class="heading-anchor" href="#setup"><span class="visually-hidden">Link</span>#</a>
      <h3 id="docker">Docker <a class="heading-anchor" href="#docker">#</a></h3>
      <h2 id="skip" class="no_toc">Skipped</h2>
      <h4 id="deep">Too deep</h4>
      <h2 id="next">Next</h2>
      <h2>No id</h2>`;
    expect(tableOfContents(html)).toEqual([
      { level: 2, id: "setup", text: "Set up & run", children: [{ level: 3, id: "docker", text: "Docker", children: [] }] },
      { level: 2, id: "next", text: "Next", children: [] },
    ]);
  });
});

describe("navigation", () => {
  const pages = [
    { title: "Intro", url: "/guide/" },
    { title: "Install", url: "/guide/install/", order: 2 },
    { title: "Basics", url: "/guide/basics/", order: 1 },
    { title: "API", url: "/ref/api/" },
  ];

  it("resolves titles, `from:` sections by order and reports unknown URLs", () => {
    const unknown: string[] = [];
    const nav = navigationSchema.parse([
      { title: "Guide", url: "/guide/", from: "/guide/" },
      { title: "Ref", pages: ["/ref/api/", { url: "/missing/" }, { url: "https://example.com/", title: "Ext" }] },
    ]);
    const sections = resolveNavigation(nav, pages, (u) => unknown.push(u));
    expect(sections[0]?.items.map((i) => i.title)).toEqual(["Basics", "Install"]);
    expect(sections[1]?.items.map((i) => [i.title, i.external])).toEqual([
      ["API", false],
      ["Ext", true],
    ]);
    expect(unknown).toEqual(["/missing/"]);
  });

  it("gives breadcrumbs, previous and next in reading order, and opens the current section", () => {
    const nav = navigationSchema.parse([
      { title: "Guide", url: "/guide/", collapsed: true, pages: ["/guide/basics/", "/guide/install/"] },
      { title: "Ref", collapsed: true, pages: ["/ref/api/"] },
    ]);
    const sections = resolveNavigation(nav, pages, () => {});
    const here = pageNav(sections, "/guide/install/", "Install");
    expect(here.breadcrumbs.map((b) => b.title)).toEqual(["Home", "Guide", "Install"]);
    expect(here.prev?.url).toBe("/guide/basics/");
    expect(here.next?.url).toBe("/ref/api/");
    expect(here.sections.map((s) => s.open)).toEqual([true, false]);
    const first = pageNav(sections, "/guide/", "Intro");
    expect(first.prev).toBeUndefined();
    expect(first.next?.url).toBe("/guide/basics/");
    expect(pageNav(sections, "/elsewhere/", "X").next).toBeUndefined();
  });
});

describe("small helpers", () => {
  it("writes redirect pages where static hosts serve the old URL", () => {
    expect(redirectOutputPath("/old/path/")).toBe("/old/path/index.html");
    expect(redirectOutputPath("/old.html")).toBe("/old.html");
    expect(redirectOutputPath("/old/path")).toBe("/old/path.html");
    expect(redirectOutputPath("old/")).toBe("/old/index.html");
  });

  it("slugifies tags", () => {
    expect(slugify("distributed tracing")).toBe("distributed-tracing");
    expect(slugify("Sampling & Rates!")).toBe("sampling-rates");
    expect(slugify("café")).toBe("café");
  });

  it("formats dates the same in every locale", () => {
    expect(readableDate("2025-03-04")).toBe("March 4, 2025");
  });

  it("dates each file by its last commit, in every folder of the repository, and not in a shallow clone", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "last-updated-"));
    const git = (args: string[], date?: string) => gitIn(repo, args, date);
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), `${file} ${Math.random()}\n`);
    };
    try {
      git(["init", "-q"]);
      for (const file of ["content/a.md", "content/deep/b.md", "content/deep/er/c.md"]) write(file);
      git(["add", "."]);
      git(["commit", "-qm", "first"], "2024-01-02T10:00:00Z");
      write("content/deep/b.md");
      git(["commit", "-qam", "second"], "2025-03-04T23:30:00Z");
      write("content/new.md");
      const dates = new LastUpdated({ env: {} });
      const of = (file: string) => dates.of(path.join(repo, file));
      expect([of("content/a.md"), of("content/deep/b.md"), of("content/deep/er/c.md"), of("content/new.md")]).toEqual(["2024-01-02", "2025-03-04", "2024-01-02", undefined]);
      // A shallow clone knows only its last commit: every page would get that date.
      const shallow = `${repo}-shallow`;
      git(["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
      try {
        expect(new LastUpdated({ env: {} }).of(path.join(shallow, "content/a.md"))).toBeUndefined();
      } finally {
        fs.rmSync(shallow, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it("falls back to SOURCE_DATE_EPOCH, or to nothing, for a file git does not know", () => {
    const outside = "/tmp/not-in-any-repo-" + process.pid + ".md";
    expect(new LastUpdated({ env: { SOURCE_DATE_EPOCH: "1700000000" } }).of(outside)).toBe("2023-11-14");
    expect(new LastUpdated({ env: {} }).of(outside)).toBeUndefined();
  });

  it("finds the line of a YAML key for data errors", () => {
    expect(lineOfKey("# c\ntitle: x\nurl: y\n", "url")).toBe(3);
    expect(lineOfKey("- a: 1\n  b: 2\n- a: 3\n", 1)).toBe(3);
  });
});

describe("site schema", () => {
  it("fills defaults and rejects a bad URL", () => {
    const site = siteSchema.parse({ title: "T" });
    expect(site.baseurl).toBe("/");
    expect(site.language).toBe("en");
    expect(siteSchema.safeParse({ title: "T", url: "not a url" }).success).toBe(false);
  });

  it("rejects unknown section keys in navigation.yaml", () => {
    expect(navigationSchema.safeParse([{ title: "S", page: ["/a/"] }]).success).toBe(false);
  });

  it("reports an invalid data file at its line and keeps building with a fallback", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-data-"));
    fs.writeFileSync(path.join(dir, "site.yaml"), "title: T\nlanguage: en\nurl: nope\n");
    fs.writeFileSync(path.join(dir, "tags.yaml"), "a: [unclosed\n");
    const diagnostics = new Diagnostics();
    const data = loadSiteData(dir, diagnostics);
    const codes = diagnostics.errors.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(["DATA_INVALID", 3]);
    expect(codes.some(([code]) => code === "DATA_YAML_SYNTAX")).toBe(true);
    expect(data.contributors).toEqual({});
    expect(data.navigation).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("page titles", () => {
  const site = "Distributed Tracing with Jaeger";
  it("puts the page before the site", () => {
    expect(pageTitle("Jaeger APIs", site)).toBe("Jaeger APIs · Distributed Tracing with Jaeger");
  });
  it("is the site title alone on the home page or without a title", () => {
    expect(pageTitle(site, site)).toBe(site);
    expect(pageTitle(undefined, site)).toBe(site);
    expect(pageTitle("  ", site)).toBe(site);
  });
  it("drops the site title when both would pass the length limit", () => {
    const long = "Tracing data in Kibana and OpenSearch Dashboards";
    expect(`${long} · ${site}`.length).toBeGreaterThan(TITLE_MAX_LENGTH);
    expect(pageTitle(long, site)).toBe(long);
  });
});
