// The real guide (content/) built by the production build, then searched through its Pagefind index.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build/build.ts";
import { CONTENT, listPages } from "../content/guide.ts";
import { loadPagefind, type NodePagefind } from "../helpers/pagefind-node.ts";

describe("search in the built guide", () => {
  let out: string;
  let pagefind: NodePagefind;
  const pages = listPages();
  const apiPage = pages.find((p) => p.file === "distributed-tracing/api.md");

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "search-guide-"));
    // The search stage logs one line per build; keep test output quiet.
    vi.spyOn(console, "log").mockImplementation(() => {});
    const outcome = await build({ input: CONTENT, output: path.join(out, "_site") });
    vi.restoreAllMocks();
    expect(outcome.ctx.diagnostics.errors).toEqual([]);
    expect(outcome.ok).toBe(true);
    pagefind = await loadPagefind(path.join(out, "_site"));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("finds the API reference page for a Jaeger query parameter name", async () => {
    expect(apiPage?.data.permalink).toBeTypeOf("string");
    // Only the API page's source mentions the parameter, so it is the one result.
    expect(pages.filter((p) => p.body.includes("minDuration")).map((p) => p.file)).toEqual(["distributed-tracing/api.md"]);
    const results = await pagefind.search("minDuration");
    expect(results.map((r) => r.url)).toEqual([apiPage!.data.permalink]);
    expect(results[0]!.meta.title).toBe(apiPage!.data.title);
    // Sub-results point at the page's headings.
    expect(results[0]!.sub_results.some((s) => s.url.startsWith(`${apiPage!.data.permalink}#`))).toBe(true);
  });

  it("takes tags and plans as filters, not as the page's words", async () => {
    const [result] = await pagefind.search("minDuration");
    const tags = apiPage!.data.tags as string[];
    expect([...result!.filters.tag!].sort()).toEqual([...tags].sort());
    expect(result!.filters.plan!.length).toBeGreaterThan(0);
    // Indexed as text, the markers' values followed the title in every page's words and excerpts:
    // "Jaeger APIs api jaeger … Community Pro Enterprise".
    expect(result!.content).not.toContain(result!.filters.plan!.join(" "));
    expect(result!.content).not.toContain(tags.join(" "));
  });

  it("narrows results with a tag filter to the pages that carry the tag", async () => {
    const all = await pagefind.search("trace");
    const tagged = pages.filter((p) => Array.isArray(p.data.tags) && p.data.tags.includes("api")).map((p) => p.data.permalink);
    expect(tagged.length).toBeGreaterThan(0);
    const filtered = await pagefind.search("trace", { filters: { tag: "api" } });
    expect(filtered.map((r) => r.url).sort()).toEqual([...tagged].sort());
    expect(filtered.length).toBeLessThan(all.length);
    for (const r of filtered) expect(r.filters.tag).toContain("api");
  });
});
