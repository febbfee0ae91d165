// The TOC read from markdown-it's tokens equals the TOC read from the rendered HTML, or defers to it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { tableOfContents, TocIndex, tocFromTokens } from "../../src/layouts/toc.ts";
import { PROJECT_ROOT } from "../../src/build/context.ts";
import { splitFrontMatter } from "../../src/frontmatter/split.ts";

/** Every kramdown fixture and every page of the guide: the Markdown writers really write. */
function sources(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const fixtures = path.join(PROJECT_ROOT, "tests/compat/fixtures");
  for (const f of fs.readdirSync(fixtures).filter((f) => f.endsWith(".md")).sort()) out.push([`fixtures/${f}`, fs.readFileSync(path.join(fixtures, f), "utf8")]);
  const content = path.join(PROJECT_ROOT, "content");
  for (const f of (fs.readdirSync(content, { recursive: true }) as string[]).filter((f) => f.endsWith(".md") && !f.endsWith("README.md")).sort()) {
    out.push([`content/${f}`, splitFrontMatter(fs.readFileSync(path.join(content, f), "utf8")).body]);
  }
  return out;
}

describe("the TOC from tokens", () => {
  const md = createMarkdown();
  const all = sources();

  it("equals the TOC of the rendered HTML wherever it decides, over the fixtures and the guide", () => {
    let decided = 0;
    for (const [name, src] of all) {
      const tokens = md.parse(src, {});
      const html = md.renderer.render(tokens, md.options, {});
      const fromTokens = tocFromTokens(tokens);
      if (fromTokens === undefined) continue;
      decided++;
      expect(fromTokens, name).toEqual(tableOfContents(html));
    }
    // Most pages are decided from their tokens; otherwise the shortcut would buy nothing.
    expect(decided).toBeGreaterThan(all.length * 0.8);
  });

  it("defers to the HTML when raw HTML may hold a heading, or a heading holds inline HTML", () => {
    const md2 = createMarkdown();
    const raw = md2.parse('## Real {#real}\n\n<div>\n<h2 id="raw">Raw heading</h2>\n</div>\n', {});
    expect(tocFromTokens(raw)).toBeUndefined();
    const inline = md2.parse('## Title <span class="visually-hidden">hidden</span> {#t}\n', {});
    expect(tocFromTokens(inline)).toBeUndefined();

    // Through the index, such pages still get the parsed TOC, which sees the raw heading.
    const index = new TocIndex();
    const html = md2.renderer.render(raw, md2.options, {});
    index.record("/raw/", html, raw);
    expect(index.of("/raw/", html).map((e) => e.id)).toEqual(["real", "raw"]);
  });

  it("gives a page the TOC kept from its tokens only for the HTML they rendered", () => {
    const tokens = md.parse("## Kept\n", {});
    const html = md.renderer.render(tokens, md.options, {});
    const index = new TocIndex();
    index.record("/a/", html, tokens);
    // The kept TOC is told apart from a parse: tokens say "Kept" where this HTML says "Parsed".
    const other = '<h2 id="parsed">Parsed</h2>';
    expect(index.of("/a/", html)).toBe(index.of("/a/", html));
    expect(index.of("/a/", other).map((e) => e.id)).toEqual(["parsed"]);
    expect(index.of("/b/", other).map((e) => e.id)).toEqual(["parsed"]);
    expect(index.of(undefined, html).map((e) => e.id)).toEqual(["kept"]);
    index.clear();
    expect(index.of("/a/", html)).not.toBe(index.of("/a/", html));
  });

  it("nests h3 under the h2 before it, skips no_toc headings and headings without an id", () => {
    const tokens = md.parse("### Lone three\n\n## Two\n\n### Three *em* `code`\n\n## Skipped\n{:.no_toc}\n\n## ¿?\n", {});
    const html = md.renderer.render(tokens, md.options, {});
    const toc = tocFromTokens(tokens);
    expect(toc).toEqual([
      { level: 3, id: "lone-three", text: "Lone three", children: [] },
      { level: 2, id: "two", text: "Two", children: [{ level: 3, id: "three-em-code", text: "Three em code", children: [] }] },
    ]);
    expect(toc).toEqual(tableOfContents(html));
  });
});
