// Search as a reader uses it: the built guide served with the site's CSP, in headless Chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build/build.ts";
import { CONTENT, listPages } from "../content/guide.ts";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

describe.skipIf(!hasChromium)("search in the browser, under the site's CSP", () => {
  let out: string;
  let server: StaticServer;
  let browser: Browser;
  const pages = listPages();
  const apiUrl = pages.find((p) => p.file === "distributed-tracing/api.md")!.data.permalink as string;
  const apiTagged = pages.filter((p) => Array.isArray(p.data.tags) && p.data.tags.includes("api"));

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "search-browser-"));
    vi.spyOn(console, "log").mockImplementation(() => {});
    const outcome = await build({ input: CONTENT, output: path.join(out, "_site") });
    vi.restoreAllMocks();
    expect(outcome.ok).toBe(true);
    server = await serveStatic(path.join(out, "_site"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  /** A page that records CSP violations, console errors and every request for Pagefind's files. */
  async function open(url: string): Promise<{ page: Page; problems: string[]; pagefindRequests: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const pagefindRequests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.includes("/pagefind/")) pagefindRequests.push(r.url());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(new URL(url.replace(/^\//, ""), server.url).href);
    return { page, problems, pagefindRequests };
  }

  it('opens on "/", finds a term, narrows by a tag filter, and loads Pagefind only when opened', async () => {
    const { page, problems, pagefindRequests } = await open("/user-guide/distributed-tracing/");
    await page.waitForLoadState("load");
    // Reading a page downloads none of Pagefind's files.
    expect(pagefindRequests).toEqual([]);
    const dialog = page.locator("[data-search-dialog]");
    expect(await dialog.isVisible()).toBe(false);

    await page.keyboard.press("/");
    await expect.poll(() => dialog.getAttribute("open")).toBe("");
    const input = page.locator(".pagefind-ui__search-input");
    await input.waitFor();
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);

    await input.fill("minDuration");
    const firstLink = page.locator(".pagefind-ui__result-link").first();
    await firstLink.waitFor();
    expect(new URL(await firstLink.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(apiUrl);
    // Sub-results per heading.
    expect(await page.locator(".pagefind-ui__result-nested").count()).toBeGreaterThan(0);

    await input.fill("trace");
    const results = page.locator(".pagefind-ui__result");
    await expect.poll(() => results.count()).toBeGreaterThan(apiTagged.length);
    // Pagefind's UI lists one block per filter the layout marks up, named with a capital.
    const names = await page.locator(".pagefind-ui__filter-name").allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(["Beta", "Plan", "Tag"]);
    const tagBlock = page.locator(".pagefind-ui__filter-block", { has: page.locator('input[name="tag"]') });
    await tagBlock.locator("summary").click();
    await tagBlock.locator('input[name="tag"][value="api"]').check();
    await expect.poll(() => results.count()).toBe(apiTagged.length);
    const hrefs = await page.locator(".pagefind-ui__result-link").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Result and sub-result links: all on the tagged pages.
    expect([...new Set(hrefs)].sort()).toEqual(apiTagged.map((p) => p.data.permalink).sort());

    expect(problems).toEqual([]);
  });

  it("draws Pagefind's UI in the site's theme: no browser borders, our marks and our focus ring", async () => {
    const { page, problems } = await open("/user-guide/distributed-tracing/");
    await page.keyboard.press("/");
    const input = page.locator(".pagefind-ui__search-input");
    await input.waitFor();
    await input.fill("trace");
    await page.locator(".pagefind-ui__result mark").first().waitFor();
    /** A theme variable as the browser resolves it for a background or an outline. */
    const themeColor = (variable: string) =>
      page.evaluate((v) => {
        const probe = document.createElement("div");
        probe.style.backgroundColor = `var(${v})`;
        document.body.append(probe);
        const color = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return color;
      }, variable);
    const style = (selector: string, property: string) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

    // Pagefind's CSS counts on its reset: without it, the filters' fieldset had a grooved border and
    // the Clear button an outset one.
    expect(await style(".pagefind-ui__filter-panel", "border-top-width")).toBe("0px");
    expect(await style(".pagefind-ui__search-clear", "border-top-width")).toBe("0px");
    expect(await style(".pagefind-ui__result mark", "background-color")).toBe(await themeColor("--accent-soft"));

    // The reset unsets outlines too; a reader tabbing into the filters sees the site's focus ring.
    const summary = page.locator(".pagefind-ui__filter-name").first();
    for (let i = 0; i < 6 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await summary.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
    expect(await style(".pagefind-ui__filter-name", "outline-style")).toBe("solid");
    expect(await style(".pagefind-ui__filter-name", "outline-color")).toBe(await themeColor("--focus"));
    expect(problems).toEqual([]);
  });

  it("opens on Ctrl-K, and the opened result highlights the search term", async () => {
    const { page, problems } = await open("/");
    await page.keyboard.press("Control+k");
    const input = page.locator(".pagefind-ui__search-input");
    await input.waitFor();
    await input.fill("minDuration");
    const firstLink = page.locator(".pagefind-ui__result-link").first();
    await firstLink.waitFor();
    expect(new URL(await firstLink.evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get("highlight")).toBe("minduration");
    await firstLink.click();
    await page.waitForURL((u) => u.pathname === apiUrl);
    const marks = page.locator("main mark.pagefind-highlight");
    await marks.first().waitFor();
    expect((await marks.first().textContent())?.toLowerCase()).toBe("minduration");
    expect(problems).toEqual([]);
  });
});
