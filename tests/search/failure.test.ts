// A Pagefind failure fails the build as a SEARCH_INDEX_FAILED diagnostic, never a raw throw.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { indexSite, SearchIndexError, type PagefindApi } from "../../src/search/pagefind.ts";
import { fakePagefind, fixtureSite, page } from "./fixture.ts";

describe("a Pagefind failure", () => {
  it("becomes a SEARCH_INDEX_FAILED error naming the page, and writes no index", async () => {
    // An invalid root selector makes Pagefind itself reject every page (a real failure, not a mock).
    const site = await fixtureSite({ "a.html": page({ title: "A", body: "<p>words</p>" }) }, { indexConfig: { rootSelector: "[[[" } });
    try {
      await site.build();
      const [d, ...rest] = site.diagnostics.sorted();
      expect(rest).toEqual([]);
      // The fixture lives outside the project, so the diagnostic gives the absolute path.
      const file = path.join(site.input, "a.html");
      expect(d).toMatchObject({ severity: "error", code: "SEARCH_INDEX_FAILED", file });
      expect(d!.message).toMatch(/^Search index: Pagefind could not index \/a\/: .*MissingAttributeName/);
      expect(d!.hint).toBeTruthy();
      expect(fs.existsSync(path.join(site.output, "pagefind"))).toBe(false);
      expect(site.log).toEqual([]);
    } finally {
      await site.remove();
    }
  });

  it("keeps Pagefind's exception as the cause and still closes the service", async () => {
    const original = new Error("binary not found");
    let closed = 0;
    const api: PagefindApi = {
      createIndex: () => Promise.reject(original),
      close: async () => (closed++, null),
    };
    const failure = await indexSite({ pages: [], outputDir: "/nonexistent-never-written", api }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SearchIndexError);
    expect((failure as SearchIndexError).code).toBe("SEARCH_INDEX_FAILED");
    expect((failure as SearchIndexError).message).toBe("Search index: Pagefind could not start the indexer: binary not found");
    expect((failure as SearchIndexError).cause).toBe(original);
    expect(closed).toBe(1);
    expect(fs.existsSync("/nonexistent-never-written")).toBe(false);
  });

  it("reports `errors` from writing the index and closes the service", async () => {
    const calls: string[] = [];
    const api = fakePagefind(
      {
        addHTMLFile: async (f) => (calls.push(`add ${f.url}`), { errors: [], file: { uniqueWords: 1, url: f.url ?? "", meta: {} } }),
        writeFiles: async (o) => (calls.push("write"), { errors: ["disk full"], outputPath: o?.outputPath ?? "" }),
        deleteIndex: async () => (calls.push("delete"), null),
      },
      async () => (calls.push("close"), null),
    );
    const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "search-fail-"));
    try {
      const failure = await indexSite({ pages: [{ url: "/a/", content: "<p>x</p>", inputPath: "a.md" }], outputDir: out, api }).catch((e: unknown) => e);
      expect((failure as SearchIndexError).message).toMatch(/could not write the index to .*: disk full$/);
      expect(calls).toEqual(["add /a/", "write", "close"]);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("fails the process, not exits 0, when Pagefind's service dies in the middle of a call", async () => {
    // A child Node process makes the real Pagefind panic while writing. Without the guard the
    // pending promise never settles and Node exits 0 with no index (checked by removing it).
    const script = path.join(import.meta.dirname, "service-crash.fixture.ts");
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", script], { cwd: path.resolve(import.meta.dirname, "../..") });
    const result = await run.then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result.stdout).toMatch(/^SEARCH_INDEX_FAILED Search index: Pagefind could not write the index to .*: Pagefind backend closed$/m);
    expect(result.code).toBe(1);
  });
});
