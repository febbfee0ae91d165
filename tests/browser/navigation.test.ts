// Navigating the built guide as a reader does: the sidebar, previous/next and breadcrumbs.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildGuide, type BuiltGuide } from "../quality/guide.ts";

let guide: BuiltGuide;
let server: StaticServer;
let browser: Browser;

describe.skipIf(!hasChromium)("navigating the guide", () => {
  beforeAll(async () => {
    guide = await buildGuide();
    server = await serveStatic(guide.output);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    guide?.cleanup();
  });

  async function open(url: string, width = 1280): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(new URL(url, server.url).href);
    return page;
  }

  const current = (page: Page) => page.locator('.sidebar a[aria-current="page"], nav a[aria-current="page"]').first();

  it("follows a sidebar link, and marks the new page as current", async () => {
    const page = await open("user-guide/distributed-tracing/concepts/");
    expect(await current(page).textContent()).toMatch(/Concepts/);
    const link = page.getByRole("link", { name: "Jaeger query API", exact: true }).first();
    await Promise.all([page.waitForURL(/\/api\/$/), link.click()]);
    expect(await page.locator("h1").textContent()).toMatch(/Jaeger APIs/);
    expect(await current(page).textContent()).toMatch(/Jaeger query API/);
    await page.context().close();
  });

  it("collapses and expands a sidebar section", async () => {
    const page = await open("user-guide/distributed-tracing/api/");
    const section = page.locator("details.nav-section").first();
    const summary = section.locator("summary");
    const wasOpen = await section.evaluate((d) => (d as HTMLDetailsElement).open);
    await summary.click();
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(!wasOpen);
    await summary.click();
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(wasOpen);
    await page.context().close();
  });

  it("walks the guide in navigation order with Next, and back with Previous", async () => {
    const page = await open("user-guide/distributed-tracing/");
    const visited: string[] = [new URL(page.url()).pathname];
    for (let i = 0; i < 3; i++) {
      await Promise.all([page.waitForURL((u) => u.pathname !== visited.at(-1)), page.locator("a[rel=next]").click()]);
      visited.push(new URL(page.url()).pathname);
    }
    expect(new Set(visited).size).toBe(4);
    // The sidebar lists the same pages in the same order.
    const order = await page.locator("details.nav-section a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const positions = visited.map((p) => order.indexOf(p));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await Promise.all([page.waitForURL((u) => u.pathname === visited[2]), page.locator("a[rel=prev]").click()]);
    await page.context().close();
  });

  it("shows breadcrumbs whose links lead back up", async () => {
    const page = await open("user-guide/distributed-tracing/api/");
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).locator("a");
    expect(await crumbs.count()).toBeGreaterThan(0);
    const first = crumbs.first();
    const href = await first.getAttribute("href");
    await Promise.all([page.waitForURL((u) => u.pathname === new URL(href!, page.url()).pathname), first.click()]);
    expect((await page.goto(page.url()))?.status()).toBe(200);
    await page.context().close();
  });
});
