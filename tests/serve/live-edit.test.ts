// The preview's single-page path: a saved page is re-rendered on its own (other pages untouched), equals
// what a full build writes, keeps the last good HTML through an error, and search follows it.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { serve, type DevServer } from "../../src/serve/dev-server.ts";
import { parseDocument } from "../helpers/html.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";
import { makeTempDir, writeFiles, writeSiteData } from "../helpers/site.ts";

// The tests report each save themselves (`changed`), so the watcher's own run can't interleave.
const WATCHER_OFF = 600_000;
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}`;
const FILES = {
  "index.md": page("Home", "## Welcome\n\nSee [the guide](/guide/).\n"),
  "guide.md": page("Guide", "## Setup\n\nThe first version of the guide.\n"),
  "other.md": page("Other", "An unrelated page.\n"),
};

describe("dev server: one saved page", () => {
  // Closed after each test: Pagefind runs one service per process, and a server's rebuild restarts it.
  const servers: DevServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  async function start(files: Record<string, string> = FILES, siteData = false, report?: (d: Diagnostic[]) => void) {
    const root = makeTempDir("live-edit-");
    if (siteData) writeSiteData(root);
    const input = path.join(root, "content");
    const output = path.join(root, "_site");
    writeFiles(input, files);
    const server = await serve({ input, output }, { port: 0, host: "127.0.0.1", debounceMs: WATCHER_OFF, report });
    servers.push(server);
    const html = (file: string) => fs.readFileSync(path.join(output, file), "utf8");
    const mtime = (file: string) => fs.statSync(path.join(output, file)).mtimeMs;
    const save = async (name: string, text: string) => {
      fs.writeFileSync(path.join(input, name), text);
      await server.changed([path.join(input, name)]);
    };
    return { server, input, output, html, mtime, save };
  }

  it("rewrites only the saved page, and writes what a full build writes", async () => {
    const site = await start();
    const before = { other: site.mtime("other/index.html"), home: site.mtime("index.html"), tags: fs.readdirSync(site.output).length };
    await site.save("guide.md", page("Guide", "## Setup\n\nThe second version of the guide.\n"));
    expect(parseDocument(site.html("guide/index.html")).querySelector("main")?.textContent).toContain("The second version");
    // The incremental path ran: no other page was written again.
    expect(site.mtime("other/index.html")).toBe(before.other);
    expect(site.mtime("index.html")).toBe(before.home);
    expect(site.server.errors).toEqual([]);

    const incremental = site.html("guide/index.html");
    await site.server.rebuild();
    expect(site.mtime("other/index.html")).not.toBe(before.other); // the full build did run
    expect(site.html("guide/index.html")).toBe(incremental);
  });

  it("keeps the last good HTML through bad front matter and bad Liquid, with file:line, then recovers", async () => {
    const site = await start();
    const good = site.html("guide/index.html");
    const other = site.mtime("other/index.html");

    await site.save("guide.md", '---\ntitle: Guide\nflags:\n  beta: "no"\n---\nBroken.\n');
    expect(site.server.errors.map((d) => [d.file?.endsWith("guide.md"), d.code, d.line])).toEqual([[true, "FM_INVALID_FIELD", 4]]);
    expect(site.html("guide/index.html")).toBe(good);

    await site.save("guide.md", page("Guide", "Line one.\n\n{% if true %}\nnever closed\n"));
    expect(site.server.errors.map((d) => [d.file?.endsWith("guide.md"), d.code, d.line])).toEqual([[true, "LIQUID_ERROR", 6]]);
    expect(site.html("guide/index.html")).toBe(good);

    await site.save("guide.md", page("Guide", "## Setup\n\nFixed at last.\n"));
    expect(site.server.errors).toEqual([]);
    expect(parseDocument(site.html("guide/index.html")).querySelector("main")?.textContent).toContain("Fixed at last.");
    expect(site.mtime("other/index.html")).toBe(other);
  });

  it("reports a broken link in the saved page at its line, as a warning", async () => {
    const reported: Diagnostic[] = [];
    const site = await start(FILES, false, (d) => reported.splice(0, reported.length, ...d));
    const other = site.mtime("other/index.html");
    await site.save("guide.md", page("Guide", "Intro.\n\nSee [nowhere](/missing/).\n"));
    // Warnings don't fail the preview: they are reported, and the page is written.
    expect(site.server.errors).toEqual([]);
    expect(reported.map((d) => [d.code, d.file?.endsWith("guide.md"), d.line])).toEqual([["LINK_BROKEN", true, 6]]);
    expect(site.mtime("other/index.html")).toBe(other);
  });

  it("rebuilds everything when the front matter changes: the tag page lists the page", async () => {
    const site = await start(FILES, true);
    const other = site.mtime("other/index.html");
    await site.save("guide.md", "---\ntitle: Guide\ntags: [distributed tracing]\n---\n## Setup\n\nSame body.\n");
    expect(site.mtime("other/index.html")).not.toBe(other);
    const listed = [...parseDocument(site.html("tags/distributed-tracing/index.html")).querySelectorAll("main a")].map((a) => a.textContent?.trim());
    expect(listed).toContain("Guide");
  });

  it("removes the page of a deleted source through the full build", async () => {
    const site = await start();
    fs.rmSync(path.join(site.input, "other.md"));
    await site.server.changed([path.join(site.input, "other.md")]);
    expect(fs.existsSync(path.join(site.output, "other/index.html"))).toBe(false);
  });

  it("updates search with the saved page's new words, and drops its old ones", async () => {
    const site = await start({ ...FILES, "guide.md": page("Guide", "The zanzibarite sensor.\n") });
    const search = async (term: string) => {
      const copy = makeTempDir("live-index-");
      fs.cpSync(site.output, copy, { recursive: true });
      return (await loadPagefind(copy)).search(term);
    };
    const other = site.mtime("other/index.html");
    await site.save("guide.md", page("Guide", "The quokkamatic sensor.\n"));
    await site.server.searchSettled();
    expect(site.mtime("other/index.html")).toBe(other);
    expect(await search("zanzibarite")).toEqual([]);
    expect((await search("quokkamatic")).map((r) => r.meta.title)).toEqual(["Guide"]);
  });

  it("keeps a saved `search: false` page out of the index", async () => {
    const hidden = (word: string) => `---\ntitle: Hidden\nsearch: false\n---\nThe ${word} draft.\n`;
    const site = await start({ ...FILES, "hidden.md": hidden("zanzibarite") });
    const other = site.mtime("other/index.html");
    await site.save("hidden.md", hidden("quokkamatic"));
    await site.save("guide.md", page("Guide", "The quokkamatic guide.\n"));
    await site.server.searchSettled();
    expect(site.mtime("other/index.html")).toBe(other);
    expect(parseDocument(site.html("hidden/index.html")).querySelector("main")?.textContent).toContain("quokkamatic draft");
    const copy = makeTempDir("live-index-");
    fs.cpSync(site.output, copy, { recursive: true });
    expect((await (await loadPagefind(copy)).search("quokkamatic")).map((r) => r.meta.title)).toEqual(["Guide"]);
  });

  it("after a failing first build, a saved fix rebuilds everything and serves the site", async () => {
    const site = await start({ ...FILES, "guide.md": '---\ntitle: Guide\nflags:\n  beta: "no"\n---\nBroken.\n' });
    expect(site.server.errors.map((d) => d.code)).toEqual(["FM_INVALID_FIELD"]);
    expect(fs.existsSync(path.join(site.output, "other/index.html"))).toBe(false);
    await site.save("guide.md", page("Guide", "Fixed.\n"));
    expect(site.server.errors).toEqual([]);
    expect(parseDocument(site.html("guide/index.html")).querySelector("main")?.textContent).toContain("Fixed.");
    expect(fs.existsSync(path.join(site.output, "other/index.html"))).toBe(true);
  });

  it("sends the reload event after the new HTML is on disk", async () => {
    const site = await start();
    const { hostname, port } = new URL(site.server.url);
    const onDisk = await new Promise<string>((resolve, reject) => {
      const req = http.get({ hostname, port, path: "/__dev/events" }, (res) => {
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (chunk.startsWith(": connected")) {
            fs.writeFileSync(path.join(site.input, "guide.md"), page("Guide", "Reloaded text.\n"));
            void site.server.changed([path.join(site.input, "guide.md")]);
          }
          if (chunk.includes("event: reload")) {
            resolve(site.html("guide/index.html"));
            req.destroy();
          }
        });
      });
      req.on("error", reject);
    });
    expect(parseDocument(onDisk).querySelector("main")?.textContent).toContain("Reloaded text.");
  });

  it("sends no reload when a save renders the HTML already on disk, but does when it clears an error", async () => {
    const site = await start();
    const { hostname, port } = new URL(site.server.url);
    const events: string[] = [];
    const stream = await new Promise<http.ClientRequest>((resolve, reject) => {
      const req = http.get({ hostname, port, path: "/__dev/events" }, (res) => {
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (chunk.startsWith(": connected")) resolve(req);
          for (const m of chunk.matchAll(/^event: (\w+)$/gm)) events.push(m[1]!);
        });
      });
      req.on("error", reject);
    });
    try {
      // Events reach the socket after `changed` resolves: wait for the count, then compare. Each
      // step's event follows the one before it on the same stream, so a stray event shows.
      const arrived = async (count: number) => {
        for (let waited = 0; events.length < count && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
        return events;
      };
      const edited = page("Guide", "## Setup\n\nSaved once.\n");
      await site.save("guide.md", edited);
      expect(await arrived(1)).toEqual(["reload"]);
      const written = site.mtime("guide/index.html");

      // The watcher and the editor both report the same save: the page is not written or reloaded again.
      await site.save("guide.md", edited);
      expect(site.mtime("guide/index.html")).toBe(written);

      // Broken, then put back as it was: the HTML on disk is the same, but the overlay must go.
      await site.save("guide.md", page("Guide", "{% if true %}\n"));
      expect(await arrived(2)).toEqual(["reload", "errors"]);
      await site.save("guide.md", edited);
      expect(await arrived(3)).toEqual(["reload", "errors", "reload"]);
      expect(site.server.errors).toEqual([]);
      expect(site.mtime("guide/index.html")).toBe(written);
    } finally {
      stream.destroy();
    }
  });
});
