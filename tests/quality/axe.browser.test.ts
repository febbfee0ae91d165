// axe-core on every page of the built guide, in Chromium under the site's CSP: light and dark
// themes at desktop width (with everything a reader can open opened), and a few pages at phone width.
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildGuide, type BuiltGuide } from "./guide.ts";

const AXE_URL = "/__test__/axe.min.js";
const AXE_FILE = path.resolve("node_modules/axe-core/axe.min.js");
/** WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, region, …). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const PHONE_PAGES = ["", "user-guide/distributed-tracing/api/", "user-guide/distributed-tracing/deploying/", "user-guide/distributed-tracing/trace-patterns/", "404.html"];

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string; owned?: string }>;
}
type AxeWindow = Window & { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } };

/**
 * Violations in markup another stage owns, waiting on its fix. An entry matches a failing node that
 * matches its CSS selector; an entry that matches nothing in a whole run fails the suite.
 */
const OWNED_ELSEWHERE: Array<{ id: string; where: string; owner: string; fix: string }> = [];

let guide: BuiltGuide;
let server: StaticServer;
/** `id where` of each OWNED_ELSEWHERE entry some page still needs. */
const ownedSeen = new Set<string>();
let browser: Browser;

/**
 * Visit each URL in one context and run axe there; returns one line per failing node. `reveal` opens
 * every <details> and shows every tab panel first, so axe also checks what readers open.
 */
async function audit(ctx: BrowserContext, urls: string[], reveal = false): Promise<string[]> {
  const found: string[] = [];
  const page = await ctx.newPage();
  const csp: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().startsWith("CSP violation")) csp.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const url of urls) {
    await page.goto(new URL(url, server.url).href);
    if (reveal) {
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
        for (const p of document.querySelectorAll<HTMLElement>('[role="tabpanel"]')) p.hidden = false;
      });
    }
    await page.addScriptTag({ url: new URL(AXE_URL, server.url).href });
    const violations = await page.evaluate(
      async ([tags, owned]) => {
        const result = await (window as unknown as AxeWindow).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        // Mark the nodes an OWNED_ELSEWHERE entry covers, while the elements are at hand.
        for (const v of result.violations) {
          for (const n of v.nodes) {
            const target = Array.isArray(n.target) && typeof n.target[0] === "string" ? document.querySelector(n.target[0]) : null;
            n.owned = owned.find((o) => o.id === v.id && target?.matches(o.where))?.where;
          }
        }
        return result.violations;
      },
      [TAGS, OWNED_ELSEWHERE.map(({ id, where }) => ({ id, where }))] as const,
    );
    for (const v of violations) {
      for (const n of v.nodes) {
        if (n.owned) ownedSeen.add(`${v.id} ${n.owned}`);
        else found.push(`/${url} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`);
      }
    }
    for (const c of csp.splice(0)) found.push(`/${url} ${c}`);
  }
  await page.close();
  return found;
}

describe.skipIf(!hasChromium)("axe-core on every page of the guide", () => {
  beforeAll(async () => {
    guide = await buildGuide();
    server = await serveStatic(guide.output, "/", { [AXE_URL]: AXE_FILE });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    guide?.cleanup();
  });

  it("visits every built page", () => {
    // The guide has a home page, its articles, tag and contributor pages, and the 404 page.
    expect(guide.urls).toContain("");
    expect(guide.urls).toContain("404.html");
    expect(guide.urls.length).toBeGreaterThan(20);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`finds no violations in ${scheme} mode at 1280px, with every <details> and tab panel open`, async () => {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const found = await audit(ctx, guide.urls, true);
      await ctx.close();
      expect(found, found.join("\n")).toEqual([]);
    });

    it(`finds no violations in ${scheme} mode at 375px`, async () => {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 375, height: 740 } });
      const found = await audit(ctx, PHONE_PAGES);
      await ctx.close();
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  it("still needs each entry of the owned-elsewhere list", () => {
    const stale = OWNED_ELSEWHERE.filter((o) => !ownedSeen.has(`${o.id} ${o.where}`));
    expect(stale.map((o) => `${o.owner}: fixed (${o.fix}); remove the entry`)).toEqual([]);
  });
});
