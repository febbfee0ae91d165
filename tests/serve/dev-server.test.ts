// The writers' preview: survives errors (even a failing first build), keeps the last good pages,
// shows the error overlay, removes deleted pages, and refuses path escapes.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serve, type DevServer } from "../../src/serve/dev-server.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/layouts/csp.ts";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { parseDocument } from "../helpers/html.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";
import { loadPagefind } from "../helpers/pagefind-node.ts";

const GOOD = "---\ntitle: Preview page\n---\n## Hello preview\n\nFirst version.\n";
const BROKEN = '---\ntitle: Preview page\nflags:\n  beta: "no"\n---\nBroken.\n';

/** Raw GET, so paths like `/%2e%2e/` reach the server unnormalised. */
function get(url: string, rawPath: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: "GET", timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("timeout", () => req.destroy(new Error(`timeout on ${rawPath}`)));
    req.on("error", reject);
    req.end();
  });
}

describe("dev server", () => {
  const servers: DevServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  async function start(files: Record<string, string>) {
    const root = makeTempDir("serve-");
    const input = path.join(root, "content");
    writeFiles(input, files);
    const server = await serve({ input, output: path.join(root, "_site") }, { port: 0, host: "127.0.0.1", debounceMs: 20 });
    servers.push(server);
    return { server, input };
  }

  it("listens on 127.0.0.1 and injects the live-reload client", async () => {
    const { server } = await start({ "index.md": GOOD });
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    const res = await get(server.url, "/");
    expect(res.status).toBe(200);
    expect(res.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    const doc = parseDocument(res.body);
    expect(doc.querySelector('script[src="/__dev/client.js"]')).not.toBeNull();
    expect(doc.querySelector("h1")?.textContent).toContain("Preview page");
  });

  it("answers an encoded ../ with 400, never a hang or a file outside the site", async () => {
    const { server } = await start({ "index.md": GOOD });
    for (const p of ["/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/a%00b", "/%E0%A4%A"]) {
      expect((await get(server.url, p)).status, p).toBe(400);
    }
  });

  it("keeps serving the last good page through an error, reports it, and recovers", async () => {
    const { server, input } = await start({ "index.md": GOOD, "other.md": "---\ntitle: Other\n---\nOther.\n" });
    fs.writeFileSync(path.join(input, "index.md"), BROKEN);
    await server.rebuild();
    expect(server.errors.map((d) => [d.code, d.line])).toEqual([["FM_INVALID_FIELD", 4]]);
    const during = parseDocument((await get(server.url, "/")).body);
    expect(during.querySelector("main")?.textContent).toContain("First version.");
    fs.writeFileSync(path.join(input, "index.md"), GOOD.replace("First version.", "Second version."));
    await server.rebuild();
    expect(server.errors).toEqual([]);
    expect(parseDocument((await get(server.url, "/")).body).querySelector("main")?.textContent).toContain("Second version.");
  });

  it("survives a failing first build and serves a page that shows the errors", async () => {
    const { server, input } = await start({ "index.md": BROKEN });
    expect(server.errors.length).toBeGreaterThan(0);
    const res = await get(server.url, "/");
    expect(parseDocument(res.body).querySelector('script[src="/__dev/client.js"]')).not.toBeNull();
    fs.writeFileSync(path.join(input, "index.md"), GOOD);
    await server.rebuild();
    expect((await get(server.url, "/")).status).toBe(200);
  });

  it("removes the page of a deleted source", async () => {
    const { server, input } = await start({ "index.md": GOOD, "gone.md": "---\ntitle: Gone soon\n---\nBye.\n" });
    expect((await get(server.url, "/gone/")).status).toBe(200);
    fs.rmSync(path.join(input, "gone.md"));
    await server.rebuild();
    expect((await get(server.url, "/gone/")).status).toBe(404);
  });

  it("serves an extensionless permalink without the .html", async () => {
    const { server } = await start({ "index.md": GOOD, "x.md": "---\ntitle: X\npermalink: /api/reference\n---\nRef.\n" });
    const res = await get(server.url, "/api/reference");
    expect(res.status).toBe(200);
    expect(parseDocument(res.body).querySelector("h1")?.textContent).toContain("X");
  });

  it("keeps search working in the preview, updated after each rebuild", async () => {
    const { server, input } = await start({ "index.md": GOOD.replace("First version.", "The zanzibarite sensor.") });
    const output = path.join(path.dirname(input), "_site");
    // Each query loads the index from a fresh copy: Node caches a module by its path.
    const search = async (term: string) => {
      const copy = makeTempDir("preview-index-");
      fs.cpSync(output, copy, { recursive: true });
      return (await loadPagefind(copy)).search(term);
    };
    expect((await search("zanzibarite")).map((r) => r.meta.title)).toEqual(["Preview page"]);
    fs.writeFileSync(path.join(input, "index.md"), GOOD.replace("First version.", "The quokkamatic sensor."));
    await server.rebuild();
    expect(await search("zanzibarite")).toEqual([]);
    expect((await search("quokkamatic")).map((r) => r.meta.title)).toEqual(["Preview page"]);
  });

  it("serves under the site's baseurl", async () => {
    const root = makeTempDir("serve-prefix-");
    const input = path.join(root, "content");
    writeFiles(root, { "_data/site.yaml": "title: Prefixed\nbaseurl: /docs\n", "content/index.md": GOOD });
    const server = await serve({ input, output: path.join(root, "_site") }, { port: 0, host: "127.0.0.1" });
    servers.push(server);
    expect(new URL(server.url).pathname).toBe("/docs/");
    expect((await get(server.url, "/docs/")).status).toBe(200);
  });

  it("rebuilds on its own when a file changes (watcher)", async () => {
    const { server, input } = await start({ "index.md": GOOD });
    fs.writeFileSync(path.join(input, "index.md"), GOOD.replace("First version.", "Watched version."));
    let text = "";
    for (let i = 0; i < 100 && !text.includes("Watched version."); i++) {
      await new Promise((r) => setTimeout(r, 200));
      text = parseDocument((await get(server.url, "/")).body).querySelector("main")?.textContent ?? "";
    }
    expect(text).toContain("Watched version.");
  });

  describe.skipIf(!hasChromium)("in the browser", () => {
    it("shows the error overlay when a page breaks, and the page again when it is fixed", async () => {
      const { server, input } = await start({ "index.md": GOOD });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const violations: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        await page.goto(server.url);
        await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("First version."));
        fs.writeFileSync(path.join(input, "index.md"), BROKEN);
        const overlay = page.locator("#dev-error-overlay");
        await overlay.waitFor({ state: "visible", timeout: 30_000 });
        expect(await overlay.textContent()).toMatch(/index\.md:4.*FM_INVALID_FIELD/s);
        fs.writeFileSync(path.join(input, "index.md"), GOOD.replace("First version.", "Fixed version."));
        await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("Fixed version."), undefined, { timeout: 30_000 });
        expect(await page.locator("#dev-error-overlay").count()).toBe(0);
        // The preview sends the production CSP; the live-reload client and overlay live within it.
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it("finds a saved page's new words in the search box, and opens the page from the result", async () => {
      const other = "---\ntitle: Other page\n---\nThe zanzibarite sensor.\n";
      const { server, input } = await start({ "index.md": GOOD, "other.md": other });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(server.url);
        await server.changed([]); // the watcher's first run, if any, is over
        // The open page reloads itself on the save; the mark is gone once it has.
        await page.evaluate(() => ((window as unknown as { beforeSave: boolean }).beforeSave = true));
        fs.writeFileSync(path.join(input, "other.md"), other.replace("zanzibarite", "quokkamatic"));
        // The watcher reports the same save too: it renders the same HTML, so no second reload races ours.
        await server.changed([path.join(input, "other.md")]);
        await server.searchSettled();
        // Spliced into the bundle (the names Pagefind gives have seven hex digits, ours ten).
        const entry = JSON.parse(fs.readFileSync(path.join(path.dirname(input), "_site", "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
        expect(Object.values(entry.languages)[0]!.hash).toMatch(/^[a-z]+_[0-9a-f]{10}$/);

        await page.waitForFunction(() => !("beforeSave" in window) && document.readyState === "complete", undefined, { timeout: 30_000 });
        await page.keyboard.press("/");
        const input_ = page.locator(".pagefind-ui__search-input");
        await input_.waitFor();
        await input_.fill("quokkamatic");
        const links = page.locator(".pagefind-ui__result-link");
        await links.first().waitFor();
        expect(await links.count()).toBe(1);
        await links.first().click();
        await page.waitForURL((u) => u.pathname === "/other/");
        expect(await page.locator("main mark.pagefind-highlight").first().textContent()).toBe("quokkamatic");

        await page.goto(server.url);
        await page.keyboard.press("/");
        await input_.fill("zanzibarite");
        await page.locator(".pagefind-ui__message").filter({ hasText: /no results/i }).waitFor();
        expect(await links.count()).toBe(0);
      } finally {
        await browser.close();
      }
    });
  });
});
