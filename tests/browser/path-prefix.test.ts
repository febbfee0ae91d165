// The guide built with the path prefix /docs/ and served only under /docs/: every page, asset,
// link and the search load from inside the prefix, and nothing 404s.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildGuide, type BuiltGuide } from "../quality/guide.ts";

const PREFIX = "/docs/";

let guide: BuiltGuide;
let server: StaticServer;
let browser: Browser;

describe.skipIf(!hasChromium)(`the guide under the path prefix ${PREFIX}`, () => {
  beforeAll(async () => {
    guide = await buildGuide({ pathPrefix: PREFIX });
    // The server answers 404 for anything outside the prefix.
    server = await serveStatic(guide.output, PREFIX);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    guide?.cleanup();
  });

  it("loads every page and everything it references from inside the prefix, and links only there", async () => {
    const origin = new URL(server.url).origin;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const failed: string[] = [];
    const outside: string[] = [];
    const linked = new Set<string>();
    page.on("response", (r) => {
      const url = new URL(r.url());
      // The 404 page is the one URL expected to answer 404; anything it loads must not.
      if (r.status() >= 400 && !url.pathname.endsWith("/404.html")) failed.push(`${r.status()} ${url.pathname} (from ${page.url()})`);
    });
    for (const url of guide.urls) {
      const response = await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
      if (url !== "404.html") expect(response?.status(), url).toBe(200);
      const refs = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("a[href], link[href], script[src], img[src]")].map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src),
      );
      // Writers' Markdown links and the layouts' chrome alike.
      for (const ref of refs) {
        const target = new URL(ref);
        if (target.origin !== origin) continue; // the repository, Open Graph's site URL, outside docs
        if (target.pathname.startsWith(PREFIX)) linked.add(target.pathname);
        else outside.push(`${target.pathname} on /${url}`);
      }
    }
    expect(outside).toEqual([]);
    // Every same-origin link and asset the pages name exists (the server says 404 otherwise).
    for (const pathname of linked) {
      const res = await fetch(`${origin}${pathname}`);
      if (res.status !== 200) failed.push(`${res.status} ${pathname} (linked)`);
    }
    expect(failed).toEqual([]);
    await ctx.close();
  });

  it("runs search from inside the prefix, and its results link inside it", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const failed: string[] = [];
    const pagefind: string[] = [];
    page.on("response", (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.includes("/pagefind/")) pagefind.push(pathname);
      if (r.status() >= 400) failed.push(`${r.status()} ${pathname}`);
    });
    await page.goto(new URL("user-guide/distributed-tracing/", server.url).href);
    await page.keyboard.press("/");
    const input = page.locator(".pagefind-ui__search-input");
    await input.waitFor();
    await input.fill("minDuration");
    const link = page.locator(".pagefind-ui__result-link").first();
    await link.waitFor();
    const href = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href));
    expect(href.pathname).toBe(`${PREFIX}user-guide/distributed-tracing/api/`);
    expect(pagefind.length).toBeGreaterThan(0);
    expect(pagefind.filter((p) => !p.startsWith(`${PREFIX}pagefind/`))).toEqual([]);
    await link.click();
    await page.waitForURL((u) => u.pathname === href.pathname);
    expect(failed).toEqual([]);
    await ctx.close();
  });
});
