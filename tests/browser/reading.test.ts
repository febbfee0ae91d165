// Reading features in a real browser, on a built fixture site served with the site's CSP:
// theme toggle, tabs by keyboard, copy button, phone menu, TOC highlight, axe in light and dark.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildFixture, type BuiltFixture } from "../layouts/fixture.ts";

const AXE = path.resolve("node_modules/axe-core/axe.min.js");

const tabs = (id: string) => `<div class="tabs branching-container" data-tabs>
<ul class="tabs-nav branching-tabs">
<li><a class="tabs-link" href="#${id}-docker" id="tab-${id}-docker">Docker</a></li>
<li><a class="tabs-link" href="#${id}-k8s" id="tab-${id}-k8s">Kubernetes</a></li>
<li><a class="tabs-link" href="#${id}-bin" id="tab-${id}-bin">Binary</a></li>
</ul>
<section class="tabs-panel" id="${id}-docker" aria-labelledby="tab-${id}-docker"><h3 class="tabs-panel-title">Docker</h3><p>Run the ${id} container.</p></section>
<section class="tabs-panel" id="${id}-k8s" aria-labelledby="tab-${id}-k8s"><h3 class="tabs-panel-title">Kubernetes</h3><p>Apply the ${id} chart.</p></section>
<section class="tabs-panel" id="${id}-bin" aria-labelledby="tab-${id}-bin"><h3 class="tabs-panel-title">Binary</h3><p>Start the ${id} binary.</p></section>
</div>`;

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of filler text so the page scrolls.`).join("\n\n");

const PAGES: Record<string, string> = {
  "a.md": `---
title: Install the collector
permalink: /a/
description: How to install.
flags:
  logzio-plan: pro
  beta: true
tags: [tracing]
contributors: [ada]
---
Intro text.

## Install

${tabs("one")}

\`\`\`yaml
receivers:
  otlp: {}
\`\`\`

${filler(12)}

## Configure

${tabs("two")}

${filler(12)}

## Verify

${filler(20)}
`,
  "b.md": `---
title: Second page
permalink: /b/
tags: [tracing]
---
## Only section

Some text.
`,
};

let site: BuiltFixture;
let server: StaticServer;
let browser: Browser;

describe.skipIf(!hasChromium)("reading features in Chromium", () => {
  beforeAll(async () => {
    site = await buildFixture({ pages: PAGES }, { write: true });
    server = await serveStatic(site.output, "/", { "/__test__/axe.min.js": AXE });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
  });

  /** A page that records CSP violations and script errors, which every test then expects to be empty. */
  async function open(ctx: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(new URL(url.replace(/^\//, ""), server.url).href);
    return { page, problems };
  }

  it("toggles dark mode, and the choice persists on the next page without a flash", async () => {
    const ctx = await browser.newContext({ colorScheme: "light" });
    const { page, problems } = await open(ctx, "/a/");
    const toggle = page.locator("[data-theme-toggle]");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);

    // On the next page the theme is already set when the first stylesheet applies: check it at
    // DOMContentLoaded, before any deferred script has run.
    const next = await ctx.newPage();
    await next.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        (window as unknown as { themeAtLoad: string | null }).themeAtLoad = document.documentElement.getAttribute("data-theme");
      }, { once: true, capture: true });
    });
    await next.goto(new URL("b/", server.url).href);
    expect(await next.evaluate(() => (window as unknown as { themeAtLoad: string | null }).themeAtLoad)).toBe("dark");
    expect(await next.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("follows the system theme until the reader chooses", async () => {
    const ctx = await browser.newContext({ colorScheme: "dark" });
    const { page } = await open(ctx, "/b/");
    expect(await page.locator("html").getAttribute("data-theme")).toBeNull();
    expect(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).toBe("true");
    await ctx.close();
  });

  it("operates tabs by keyboard, and one choice selects that label in every group and on reload", async () => {
    const ctx = await browser.newContext();
    const { page, problems } = await open(ctx, "/a/");
    const groups = page.locator("[data-tabs]");
    expect(await groups.count()).toBe(2);
    const first = groups.nth(0);
    const selected = (g: typeof first) => g.locator('[role="tab"][aria-selected="true"]').textContent();
    expect(await selected(first)).toBe("Docker");
    await expect.poll(() => first.locator('[role="tabpanel"]:visible').count()).toBe(1);

    await first.locator('[role="tab"]', { hasText: "Docker" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await selected(first)).toBe("Kubernetes");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kubernetes");
    expect(await first.locator('[role="tabpanel"]:visible').textContent()).toContain("Apply the one chart");
    expect(await selected(groups.nth(1))).toBe("Kubernetes");

    await page.keyboard.press("End");
    expect(await selected(first)).toBe("Binary");
    await page.keyboard.press("ArrowRight"); // wraps around
    expect(await selected(first)).toBe("Docker");
    await page.keyboard.press("ArrowLeft");
    expect(await selected(first)).toBe("Binary");
    await page.keyboard.press("Home");
    expect(await selected(first)).toBe("Docker");
    await page.keyboard.press("End");

    await page.reload();
    expect(await selected(page.locator("[data-tabs]").nth(0))).toBe("Binary");
    expect(await selected(page.locator("[data-tabs]").nth(1))).toBe("Binary");
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("copies a code block with its copy button", async () => {
    const ctx = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const { page, problems } = await open(ctx, "/a/");
    const block = page.locator(".main pre").first();
    const code = await block.locator("code").textContent();
    const button = page.locator(".copy-button").first();
    expect(await page.locator(".copy-button").count()).toBe(await page.locator(".main pre").count());
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code?.replace(/\n$/, ""));
    // The announcement lands on the next animation frame (copy.js), so wait for it.
    await expect.poll(() => page.locator("#live-status").textContent()).toContain("copied");
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("copies a heading's link when its anchor is clicked, and still moves to the heading", async () => {
    const ctx = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const { page, problems } = await open(ctx, "/a/");
    const anchor = page.locator("a.heading-anchor").first();
    const href = await anchor.getAttribute("href");
    expect(href).toMatch(/^#./);
    await anchor.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(href!, page.url()).href);
    expect(new URL(page.url()).hash).toBe(href);
    await expect.poll(() => page.locator("#live-status").textContent()).toContain("Link to this section copied");
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("puts the sidebar behind a menu button at 375px", async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const { page, problems } = await open(ctx, "/a/");
    const button = page.locator("[data-menu-button]");
    const link = page.locator('#sidebar a[aria-current="page"]');
    expect(await button.isVisible()).toBe(true);
    expect(await link.isVisible()).toBe(false);
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-current"))).toBe("page");
    await page.keyboard.press("Escape");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => link.isVisible()).toBe(false);
    // No sideways scrolling at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("highlights the TOC entry of the section being read", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, problems } = await open(ctx, "/a/");
    const current = page.locator('nav.toc a[aria-current="true"]');
    await expect.poll(() => current.getAttribute("href")).toBe("#install");
    await page.evaluate(() => document.getElementById("configure")?.scrollIntoView({ block: "start" }));
    await expect.poll(() => current.getAttribute("href")).toBe("#configure");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => current.getAttribute("href")).toBe("#verify");
    expect(await current.count()).toBe(1);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const width of [1280, 375]) {
      it(`has no axe violations in ${scheme} mode at ${width}px`, async () => {
        const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        for (const url of ["/a/", "/b/", "/tags/", "/tags/tracing/", "/contributors/ada/", "/404.html"]) {
          const { page, problems } = await open(ctx, url);
          await page.addScriptTag({ url: new URL("/__test__/axe.min.js", server.url).href });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
            const result = await axe.run(document);
            return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
          });
          expect(violations, `${url} (${scheme}, ${width}px)`).toEqual([]);
          expect(problems, url).toEqual([]);
          await page.close();
        }
        await ctx.close();
      });
    }
  }
});
