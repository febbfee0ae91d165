// The built guide in Chromium under the CSP: navigation (sidebar, previous/next, breadcrumbs), one TOC per page (rail, or a closed box on phones), wide
// tables reachable by keyboard, Pagefind loaded only on demand, and the print stylesheet.
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildGuide, type BuiltGuide } from "../quality/guide.ts";

const API = "user-guide/distributed-tracing/api/";
const DEPLOYING = "user-guide/distributed-tracing/deploying/";

let guide: BuiltGuide;
let server: StaticServer;
let browser: Browser;

describe.skipIf(!hasChromium)("the built guide in Chromium", () => {
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

  /** Open `url` in a fresh context; `problems` collects script errors and CSP violations. */
  async function open(url: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
    const ctx = await browser.newContext(options);
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(new URL(url, server.url).href);
    return { page, problems, close: () => ctx.close() };
  }

  describe("table of contents", () => {
    it("is the right rail on a wide screen, open, and the writer's {:toc} list is hidden", async () => {
      const { page, problems, close } = await open(API, { viewport: { width: 1280, height: 900 } });
      const rail = page.locator("nav.toc");
      expect(await page.locator("#markdown-toc").count()).toBe(1);
      expect(await page.locator("#markdown-toc").isVisible()).toBe(false);
      expect(await rail.locator("a").first().isVisible()).toBe(true);
      expect(await rail.locator("details").getAttribute("open")).toBe("");
      // Beside the content, not above it.
      const railBox = await rail.boundingBox();
      const prose = await page.locator(".prose").boundingBox();
      expect(railBox!.x).toBeGreaterThan(prose!.x + prose!.width);
      expect(problems).toEqual([]);
      await close();
    });

    it("shows the rail's links without JavaScript too", async () => {
      const { page, close } = await open(API, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      expect(await page.locator("nav.toc a").first().isVisible()).toBe(true);
      expect(await page.locator("#markdown-toc").isVisible()).toBe(false);
      await close();
    });

    it("is one closed box above the content on a phone, which opens on a tap", async () => {
      const { page, problems, close } = await open(API, { viewport: { width: 375, height: 740 } });
      expect(await page.locator("#markdown-toc").isVisible()).toBe(false);
      const summary = page.locator("nav.toc summary");
      const firstLink = page.locator("nav.toc a").first();
      expect(await summary.isVisible()).toBe(true);
      expect(await firstLink.isVisible()).toBe(false);
      await summary.click();
      await expect.poll(() => firstLink.isVisible()).toBe(true);
      await firstLink.click();
      await page.waitForURL((u) => u.hash !== "");
      expect(await page.evaluate(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.tagName)).toMatch(/^H[23]$/);
      expect(problems).toEqual([]);
      await close();
    });
  });

  describe("wide tables", () => {
    it("scroll in a focusable, named box on a narrow phone, by keyboard", async () => {
      const { page, problems, close } = await open(DEPLOYING, { viewport: { width: 320, height: 700 } });
      const box = page.locator(".prose .table-scroll").first();
      await expect.poll(() => box.getAttribute("tabindex")).toBe("0");
      expect(await box.getAttribute("role")).toBe("region");
      expect(await box.getAttribute("aria-label")).toBe("Table: Component, Required?, What it does");
      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await box.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await close();
    });

    it("are no tab stop where they fit", async () => {
      const { page, close } = await open(DEPLOYING, { viewport: { width: 1280, height: 900 } });
      const box = page.locator(".prose .table-scroll").first();
      await box.waitFor({ state: "attached" });
      expect(await box.getAttribute("tabindex")).toBeNull();
      expect(await box.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
      await close();
    });
  });

  it("loads none of Pagefind's files until the reader opens search", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    for (const url of ["", API, DEPLOYING, "tags/", "404.html"]) {
      await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
      await page.mouse.wheel(0, 2000);
    }
    expect(requests.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    await page.keyboard.press("/");
    await page.locator(".pagefind-ui__search-input").waitFor();
    expect(requests.some((p) => p.endsWith("/pagefind/pagefind-ui.js"))).toBe(true);
    await ctx.close();
  });

  describe("print", () => {
    it("prints the article on white, from dark mode too, without the site's chrome", async () => {
      const { page, close } = await open(DEPLOYING, { colorScheme: "dark", viewport: { width: 800, height: 1000 } });
      await page.emulateMedia({ media: "print", colorScheme: "dark" });
      const style = (sel: string, prop: string) => page.locator(sel).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
      expect(await style("body", "background-color")).toBe("rgb(255, 255, 255)");
      expect(await style("body", "color")).toBe("rgb(0, 0, 0)");
      // Boxes print light (every channel near white), not in the screen's dark colours.
      for (const box of [".code-block", ".plan-box"]) {
        const channels = (await style(box, "background-color")).match(/\d+/g)!.slice(0, 3).map(Number);
        expect(Math.min(...channels), box).toBeGreaterThan(230);
      }
      for (const chrome of [".site-header", ".sidebar", "nav.toc", ".pager", ".copy-button", ".breadcrumbs"]) {
        expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
      }
      // Every tab panel is printed, each with its own title.
      const panels = page.locator('[role="tabpanel"]');
      expect(await panels.count()).toBeGreaterThan(1);
      for (const panel of await panels.all()) {
        expect(await panel.isVisible()).toBe(true);
        expect(await panel.locator(".tabs-panel-title").isVisible()).toBe(true);
      }
      await close();
    });

    it("spells out where outside links go, and not internal ones", async () => {
      const { page, close } = await open(API, { viewport: { width: 800, height: 1000 } });
      await page.emulateMedia({ media: "print" });
      const after = (sel: string) => page.locator(sel).first().evaluate((a) => getComputedStyle(a, "::after").content);
      const external = await page.locator('.prose a[href^="http"]').first().getAttribute("href");
      expect(await after('.prose a[href^="http"]')).toBe(`" (${external})"`);
      expect(await after('.prose a[href^="/"]')).toBe("none");
      await close();
    });
  });

  describe("navigation", () => {
    async function openAt(url: string): Promise<Page> {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(new URL(url, server.url).href);
      return page;
    }

    const current = (page: Page) => page.locator('.sidebar a[aria-current="page"], nav a[aria-current="page"]').first();

    it("follows a sidebar link, and marks the new page as current", async () => {
      const page = await openAt("user-guide/distributed-tracing/concepts/");
      expect(await current(page).textContent()).toMatch(/Concepts/);
      const link = page.getByRole("link", { name: "Jaeger query API", exact: true }).first();
      await Promise.all([page.waitForURL(/\/api\/$/), link.click()]);
      expect(await page.locator("h1").textContent()).toMatch(/Jaeger APIs/);
      expect(await current(page).textContent()).toMatch(/Jaeger query API/);
      await page.context().close();
    });

    it("collapses and expands a sidebar section", async () => {
      const page = await openAt(API);
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
      const page = await openAt("user-guide/distributed-tracing/");
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
      const page = await openAt(API);
      const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).locator("a");
      expect(await crumbs.count()).toBeGreaterThan(0);
      const first = crumbs.first();
      const href = await first.getAttribute("href");
      await Promise.all([page.waitForURL((u) => u.pathname === new URL(href!, page.url()).pathname), first.click()]);
      expect((await page.goto(page.url()))?.status()).toBe(200);
      await page.context().close();
    });
  });
});
