// The diagrams on a real page in Chromium, under the site's CSP: visible at desktop and phone widths,
// scrolling sideways on a phone, themed in light and dark, light on paper. Screenshots go to /tmp for a human look.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { renderCompare } from "../../src/traces/compare.ts";
import { renderServiceGraph } from "../../src/traces/graph.ts";
import { loadTraceFile } from "../../src/traces/load.ts";
import { renderTimeline, TIMELINE } from "../../src/traces/timeline.ts";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { tempDir } from "./fixtures.ts";

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; base-uri 'none'; frame-ancestors 'none'";
const SHOTS = "/tmp/trace-screenshots";

function pageHtml(theme: "light" | "dark"): string {
  const load = (f: string) => loadTraceFile(path.resolve("content/distributed-tracing/traces", f), f).trace!;
  const checkout = load("checkout.json");
  return `<!doctype html><html lang="en" data-theme="${theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Traces</title><link rel="stylesheet" href="/page.css"><link rel="stylesheet" href="/traces.css"></head><body><main><h1>Checkout trace</h1>
${renderTimeline(checkout, { criticalPath: true })}
${renderServiceGraph(checkout)}
${renderCompare(checkout, load("checkout-b.json"))}
</main></body></html>`;
}

describe.skipIf(!hasChromium)("trace diagrams in the browser", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const dir = tempDir("traces-browser-");
    fs.writeFileSync(path.join(dir, "light.html"), pageHtml("light"));
    fs.writeFileSync(path.join(dir, "dark.html"), pageHtml("dark"));
    fs.copyFileSync("assets/css/traces.css", path.join(dir, "traces.css"));
    // A stand-in for the site's article column and its global `svg { max-width: 100% }`.
    fs.writeFileSync(path.join(dir, "page.css"), "body{margin:0;font-family:sans-serif}main{max-width:760px;margin:0 auto;padding:0 16px}svg{max-width:100%}[data-theme=dark] body{background:#0d1117;color:#e6edf3}");
    server = http.createServer((req, res) => {
      const file = path.join(dir, path.basename(req.url ?? "/"));
      if (!fs.existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": file.endsWith(".css") ? "text/css" : "text/html; charset=utf-8", "content-security-policy": CSP });
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const theme of ["light", "dark"] as const) {
    for (const width of [1280, 375]) {
      it(`is visible and readable at ${width}px in ${theme} mode, with no CSP violation`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const csp: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
        });
        await page.goto(`${base}/${theme}.html`);
        for (const kind of ["timeline", "graph", "compare"]) {
          const box = await page.locator(`figure.trace-diagram--${kind} svg`).boundingBox();
          expect(box!.width, kind).toBeGreaterThan(300);
          expect(box!.height, kind).toBeGreaterThan(100);
        }
        const timeline = page.locator("figure.trace-diagram--timeline");
        const m = await timeline.evaluate((fig) => {
          const scroller = fig.querySelector(".trace-scroll")!;
          const svg = fig.querySelector("svg")!;
          const text = fig.querySelector(".trace-op")!;
          const bg = fig.querySelector(".trace-row-bg")!;
          return {
            scrollWidth: scroller.scrollWidth,
            clientWidth: scroller.clientWidth,
            svgWidth: svg.getBoundingClientRect().width,
            fontSize: getComputedStyle(text).fontSize,
            textFill: getComputedStyle(text).fill,
            rowFill: getComputedStyle(bg).fill,
            overflowX: getComputedStyle(scroller).overflowX,
          };
        });
        // Never shrunk: the SVG keeps its pixel width and 12px text; narrow screens scroll instead.
        expect(m.svgWidth).toBe(TIMELINE.width);
        expect(m.fontSize).toBe("12px");
        expect(m.overflowX).toBe("auto");
        if (width === 375) expect(m.scrollWidth).toBeGreaterThan(m.clientWidth);
        // Themed: dark rows with light text in dark mode, the reverse in light mode.
        const lum = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
        if (theme === "dark") expect(lum(m.rowFill)).toBeLessThan(lum(m.textFill));
        else expect(lum(m.rowFill)).toBeGreaterThan(lum(m.textFill));
        expect(csp).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/${theme}-${width}.png`, fullPage: true });
        await page.close();
      });
    }
  }

  it("scrolls each span table in its focusable box, not the table itself", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(`${base}/light.html`);
    const boxes = await page.locator(".trace-alt__scroll").evaluateAll((els) =>
      els.map((box) => {
        box.closest("details")!.open = true;
        const table = box.querySelector("table")!;
        (box as HTMLElement).focus();
        return {
          overflowX: getComputedStyle(box).overflowX,
          scrolls: box.scrollWidth > box.clientWidth,
          fitsColumn: box.getBoundingClientRect().width <= document.documentElement.clientWidth,
          focused: document.activeElement === box,
          tableDisplay: getComputedStyle(table).display,
          tableOverflow: getComputedStyle(table).overflowX,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of boxes) {
      expect(b).toMatchObject({ overflowX: "auto", fitsColumn: true, focused: true, tableDisplay: "table", tableOverflow: "visible" });
    }
    // On a phone the six-column span table is wider than the column: the box is what scrolls.
    expect(boxes[0]!.scrolls).toBe(true);
    await page.close();
  });

  it("prints light from dark mode, chosen or from the system", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const colours = () =>
      page.locator("figure.trace-diagram--timeline").evaluate((fig) => ({
        row: getComputedStyle(fig.querySelector(".trace-row-bg")!).fill,
        text: getComputedStyle(fig.querySelector(".trace-op")!).fill,
      }));
    await page.goto(`${base}/dark.html`);
    // On screen the diagram is dark (the light values are #ffffff rows and #1f2328 text) …
    expect(await colours()).toEqual({ row: "rgb(13, 17, 23)", text: "rgb(230, 237, 243)" });
    await page.emulateMedia({ media: "print" });
    // … and on paper light, whether the reader chose dark or the system is dark.
    expect(await colours()).toEqual({ row: "rgb(255, 255, 255)", text: "rgb(31, 35, 40)" });
    await page.evaluate(() => document.documentElement.removeAttribute("data-theme"));
    expect(await colours()).toEqual({ row: "rgb(255, 255, 255)", text: "rgb(31, 35, 40)" });
    await page.close();
  });

  it("follows the system dark mode when the page sets no theme", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    await page.goto(`${base}/light.html`);
    await page.evaluate(() => document.documentElement.removeAttribute("data-theme"));
    const fill = await page.locator(".trace-row-bg").first().evaluate((el) => getComputedStyle(el).fill);
    expect(fill).toBe("rgb(13, 17, 23)");
    await page.close();
  });
});
