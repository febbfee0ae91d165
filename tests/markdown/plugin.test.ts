// The Markdown stage inside Eleventy: our library renders pages, and reports carry file:line.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { UserConfig } from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { markdownReporter, SourceRegistry } from "../../src/diagnostics/source-lines.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { markdownPlugin, turningEventLoop } from "../../src/markdown/plugin.ts";
import { parseFragment } from "../helpers/html.ts";

describe("markdownPlugin", () => {
  it("renders pages with our rules and reports at the file line, front matter included", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "md-plugin-"));
    const input = path.join(root, "content");
    mkdirSync(input);
    // Front matter is 4 lines, so body line 0 is file line 5.
    writeFileSync(path.join(input, "page.md"), "---\ntitle: T\npermalink: /page/\n---\n## 1. Setup\n\nText.\n\n{:.orphan}\n");
    const diagnostics = new Diagnostics();
    const sources = new SourceRegistry(root);
    sources.setBodyStart(path.join(input, "page.md"), 5);
    const elev = new Eleventy(input, path.join(root, "_site"), {
      quietMode: true,
      config: (config: UserConfig) => {
        config.addPlugin(markdownPlugin, { report: markdownReporter(diagnostics, sources) });
      },
    });
    const [page] = await elev.toJSON();
    expect(parseFragment(page!.content).querySelector("h2")?.id).toBe("1-setup");
    expect(diagnostics.errors.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
      { code: "MD_UNCONSUMED_ATTRIBUTES", file: "content/page.md", line: 9 },
    ]);
  });
});

describe("turningEventLoop", () => {
  it("renders what the library renders, and lets the event loop turn before the page's HTML is handed back", async () => {
    const md = createMarkdown();
    const library = turningEventLoop(md);
    // Rules and options are the instance's own: what Eleventy disables on the library, it disables on ours.
    expect(library.core).toBe(md.core);
    library.disable("table");
    expect(md.block.ruler.getRules("").some((rule) => rule.name === "table")).toBe(false);

    const env = { page: { inputPath: "./content/a.md" } };
    let turned = false;
    setImmediate(() => (turned = true));
    const rendered = library.render("## Hello\n\nText with *emphasis*.\n", env) as unknown as Promise<string>;
    expect(turned).toBe(false);
    const html = await rendered;
    expect(turned).toBe(true);
    expect(html).toBe(createMarkdown().render("## Hello\n\nText with *emphasis*.\n", env));
    const p = parseFragment(html).querySelector("p em");
    expect(p?.textContent).toBe("emphasis");
  });
});
