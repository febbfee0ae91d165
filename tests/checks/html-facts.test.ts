// The facts reader drives htmlparser2's tokenizer itself (src/checks/html-facts.ts); it must read
// what htmlparser2's own Parser reads from the same HTML: here on tricky markup, and on every page of
// the built guide.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Parser } from "htmlparser2";
import { afterAll, describe, expect, it, vi } from "vitest";
import { build } from "../../src/build/build.ts";
import { readPageFacts, type PageFacts } from "../../src/checks/html-facts.ts";
import { CONTENT } from "../content/guide.ts";

const LINK_ATTRS: Record<string, string> = { a: "href", link: "href", img: "src", script: "src", source: "src", iframe: "src" };

/** The reading as htmlparser2's Parser gives it: the oracle. */
function parserFacts(html: string): PageFacts {
  const facts: PageFacts = { ids: new Set(), links: [] };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) facts.ids.add(attrs.id);
        if (name === "a" && attrs.name) facts.ids.add(attrs.name);
        const attr = LINK_ATTRS[name];
        const value = attr ? attrs[attr] : undefined;
        if (value !== undefined && !(name === "link" && /\b(canonical|alternate)\b/.test(attrs.rel ?? ""))) facts.links.push({ href: value, tag: name });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return facts;
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), "html-facts-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("readPageFacts", () => {
  it.each([
    ["entities in an href", '<a href="/a/?x=1&amp;y=2#caf&eacute;">x</a><a href="&#x2F;b&#47;">b</a>'],
    ["upper-case tags and attributes", '<A HREF="/Up/" ID="Big">x</A><IMG SRC="/i.png">'],
    ["a repeated attribute: the first wins", '<a href="/first/" href="/second/" id="one" id="two">x</a>'],
    ["an attribute with no value, and empty ones", '<a href>x</a><a href="">y</a><p id="">z</p><a name="old-anchor"></a>'],
    ["self-closing tags, also inside SVG", '<img src="/a.png"/><svg><a href="/in-svg/"><rect id="r"/></a></svg>'],
    ["tags inside scripts, styles and comments are not tags", '<script>var s = \'<a href="/no/">\';</script><style>a[href="/no2/"]{}</style><!-- <a href="/no3/"> --><script src="/yes.js"></script>'],
    ["canonical and alternate links are skipped", '<link rel="canonical" href="https://x.invalid/"><link rel="alternate stylesheet" href="/alt.css"><link rel="stylesheet" href="/s.css">'],
    ["unquoted and single-quoted values", "<a href=/bare/ id=bare>x</a><a href='/single/' name='s'>y</a>"],
    [
      "attributes the checks skip, around ones they read",
      '<a class="x&amp;y" href="/a/?b=1&amp;c=2" data-id="q" aria-label="&lt;" title=t>x</a><img alt="&quot;" role="img" src="/i&amp;.png" d="M0 0"><p type="a" rel="b" ID="kept" fill="none" name="n"></p>',
    ],
  ])("reads %s as htmlparser2's Parser does", (_what, html) => {
    expect(readPageFacts(html)).toEqual(parserFacts(html));
  });

  it("reads every page of the built guide as htmlparser2's Parser does", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const outcome = await build({ input: CONTENT, output: path.join(out, "_site"), cache: false });
    vi.restoreAllMocks();
    expect(outcome.ok).toBe(true);
    const pages = (fs.readdirSync(path.join(out, "_site"), { recursive: true }) as string[]).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    let links = 0;
    for (const file of pages) {
      const html = fs.readFileSync(path.join(out, "_site", file), "utf8");
      const facts = readPageFacts(html);
      expect(facts, file).toEqual(parserFacts(html));
      links += facts.links.length;
    }
    expect(links).toBeGreaterThan(1000);
  });
});
