// The Markdown stage inside Eleventy: our library renders pages, and reports carry file:line.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { UserConfig } from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { markdownReporter, SourceRegistry } from "../../src/diagnostics/source-lines.ts";
import { markdownPlugin } from "../../src/markdown/plugin.ts";
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
