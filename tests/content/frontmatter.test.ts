// Every guide page carries the writers' front matter, with tags and contributors the site knows.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { GUIDE_PREFIX, ROOT, listPages } from "./guide.ts";

const pages = listPages();
const known = (file: string) =>
  new Set(Object.keys((yaml.load(fs.readFileSync(path.join(ROOT, "_data", file), "utf8")) ?? {}) as object));
const knownTags = known("tags.yaml");
const knownContributors = known("contributors.yaml");
const TIERS = ["community", "pro", "enterprise"];

describe("guide front matter", () => {
  it("has the home page and at least the 11 guide pages", () => {
    expect(pages.map((p) => p.file)).toContain("index.md");
    expect(pages.filter((p) => p.file.startsWith("distributed-tracing/")).length).toBeGreaterThanOrEqual(11);
  });

  describe.each(pages.map((p) => [p.file, p] as const))("%s", (_file, page) => {
    const d = page.data;

    it("uses the article layout (the home page: home) and has a title and a description", () => {
      expect(d.layout).toBe(page.file === "index.md" ? "home" : "article");
      expect(typeof d.title === "string" && d.title.trim().length > 0).toBe(true);
      expect(typeof d.description === "string" && d.description.trim().length > 20).toBe(true);
    });

    it("has a permalink under the guide (the home page at /)", () => {
      expect(typeof d.permalink).toBe("string");
      if (page.file === "index.md") expect(d.permalink).toBe("/");
      else expect(String(d.permalink).startsWith(GUIDE_PREFIX) && String(d.permalink).endsWith("/")).toBe(true);
    });

    it("has a valid logzio-plan flag and a boolean beta flag", () => {
      const flags = d.flags as Record<string, unknown> | undefined;
      expect(flags).toBeTypeOf("object");
      const plan = String(flags!["logzio-plan"] ?? "");
      expect(plan.split(/\s+/).filter(Boolean).length).toBeGreaterThan(0);
      for (const tier of plan.split(/\s+/)) expect(TIERS).toContain(tier);
      if ("beta" in flags!) expect(typeof flags!.beta).toBe("boolean");
    });

    it("lists tags from _data/tags.yaml and contributors from _data/contributors.yaml", () => {
      expect(Array.isArray(d.tags) && d.tags.length > 0).toBe(true);
      for (const tag of d.tags as string[]) expect(knownTags, `tag "${tag}"`).toContain(tag);
      expect(Array.isArray(d.contributors) && d.contributors.length > 0).toBe(true);
      for (const slug of d.contributors as string[]) expect(knownContributors, `contributor "${slug}"`).toContain(slug);
    });

    it("has an integer order", () => {
      expect(Number.isInteger(d.order)).toBe(true);
    });
  });

  it("gives every page its own permalink and its own order", () => {
    const permalinks = pages.map((p) => p.data.permalink);
    expect(new Set(permalinks).size).toBe(permalinks.length);
    const guide = pages.filter((p) => p.file.startsWith("distributed-tracing/")).map((p) => p.data.order);
    expect(new Set(guide).size).toBe(guide.length);
  });

  it("has no placeholder text", () => {
    for (const page of pages) {
      expect(page.body, page.file).not.toMatch(/\b(TBD|TODO|lorem ipsum|FIXME)\b/i);
    }
  });
});
