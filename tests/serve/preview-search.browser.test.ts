// The preview's search after a save, as a writer uses it: the dev server under a path prefix, a page
// saved, then the search dialog in headless Chromium finds the new words, once, and not the old ones.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type DevServer } from "../../src/serve/dev-server.ts";
import { hasChromium, launchChromium } from "../helpers/browser.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}`;

describe.skipIf(!hasChromium)("preview search after a save, in the browser", () => {
  let browser: Browser;
  let server: DevServer;
  let input: string;

  beforeAll(async () => {
    const root = makeTempDir("preview-search-");
    input = path.join(root, "content");
    writeFiles(input, {
      "index.md": page("Home", "## Welcome\n\nSee [the guide](/guide/).\n"),
      "guide.md": page("Guide", "## Setup\n\nThe zanzibarite sensor.\n"),
      "other.md": page("Other", "An unrelated sensor page.\n"),
    });
    server = await serve({ input, output: path.join(root, "_site"), pathPrefix: "/docs/" }, { port: 0, host: "127.0.0.1", debounceMs: 600_000 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds a saved page's new words right after the save, under the site's CSP", async () => {
    fs.writeFileSync(path.join(input, "guide.md"), page("Guide", "## Setup\n\nThe quokkamatic sensor.\n"));
    await server.changed([path.join(input, "guide.md")]);
    await server.searchSettled();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await tab.goto(new URL("other/", server.url).href);
    await tab.keyboard.press("/");
    const box = tab.locator(".pagefind-ui__search-input");
    await box.waitFor();

    // Each result's own link (its sub-results, one per heading, link to the same page).
    const hrefs = async () => {
      const results = tab.locator(".pagefind-ui__result");
      return results.evaluateAll((items) => items.map((li) => new URL(li.querySelector("a")!.href).pathname));
    };
    await box.fill("quokkamatic");
    await expect.poll(hrefs).toEqual(["/docs/guide/"]);
    // The saved page shows once among the pages that match, and its old words are gone.
    await box.fill("sensor");
    await expect.poll(async () => (await hrefs()).sort()).toEqual(["/docs/guide/", "/docs/other/"]);
    await box.fill("zanzibarite");
    await expect.poll(() => tab.locator(".pagefind-ui__message").textContent()).toMatch(/No results/i);
    expect(await hrefs()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
