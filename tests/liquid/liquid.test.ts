// Jekyll Liquid in a real build: include forms, page.*, liquidjs's Jekyll filters, raw, lax outputs
// and undefined variables as warnings at the file line, and includes confined to _includes/ (S2).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixture, makeTempDir } from "../helpers/site.ts";

/** Our diagnostics only: fixture sites also get the guide's sidebar warnings (NAV_UNKNOWN_PAGE). */
const liquid = (site: { outcome: { ctx: { diagnostics: { sorted(): import("../../src/diagnostics/diagnostic.ts").Diagnostic[] } } } }) =>
  site.outcome.ctx.diagnostics.sorted().filter((d) => d.code.startsWith("LIQUID_"));
const fm = (front: string, body = "") => `---\n${front}\n---\n${body}`;
const prose = (doc: Document) => doc.querySelector("main .prose")!;
const texts = (els: Iterable<Element>) => Array.from(els, (e) => (e.textContent ?? "").replace(/\s+/g, " ").trim());

describe("includes, the Jekyll way", () => {
  it("takes unquoted paths, a leading /, quoted and variable parameters, and nests", async () => {
    const site = await buildFixture({
      "_includes/box.html": '<div class="box" data-kind="{{ include.kind }}">{{ include.text }}{% include inner/tag.html label=include.kind %}</div>\n',
      "_includes/inner/tag.html": '<span class="tag">{{ include.label | upcase }}</span>',
      "p.md": fm(
        "title: Includes\ndescription: from the page",
        [
          '{% include box.html kind="plain" text="Quoted value" %}',
          '{% include /box.html kind="slash" text=page.description %}',
          "{% assign word = 'assigned' %}",
          "{% include box.html kind=word text='single quotes' %}",
          "",
        ].join("\n\n"),
      ),
    });
    expect(liquid(site)).toEqual([]);
    const boxes = Array.from(prose(site.page("p/index.html")).querySelectorAll(".box"));
    expect(boxes.map((b) => [b.getAttribute("data-kind"), b.firstChild?.textContent, b.querySelector(".tag")?.textContent])).toEqual([
      ["plain", "Quoted value", "PLAIN"],
      ["slash", "from the page", "SLASH"],
      ["assigned", "single quotes", "ASSIGNED"],
    ]);
  }, 60_000);

  it("refuses a path out of _includes/: `../` and a symlink out are errors", async () => {
    const root = makeTempDir();
    fs.writeFileSync(path.join(root, "secret.html"), "TOP SECRET");
    const escape = await buildFixture({ "_includes/ok.html": "ok", "p.md": fm("title: T", "{% include ../../secret.html %}\n") }, {}, root);
    expect(escape.outcome.ok).toBe(false);
    expect(escape.outcome.ctx.diagnostics.errors.map((d) => [d.code, d.line])).toEqual([["LIQUID_MISSING_INCLUDE", 4]]);

    const root2 = makeTempDir();
    fs.writeFileSync(path.join(root2, "secret.html"), "TOP SECRET");
    fs.mkdirSync(path.join(root2, "content/_includes"), { recursive: true });
    fs.symlinkSync(path.join(root2, "secret.html"), path.join(root2, "content/_includes/link.html"));
    const linked = await buildFixture({ "p.md": fm("title: T", "{% include link.html %}\n") }, {}, root2);
    expect(linked.outcome.ok).toBe(false);
    expect(linked.outcome.ctx.diagnostics.errors.map((d) => d.code)).toContain("LIQUID_MISSING_INCLUDE");
    expect(fs.existsSync(path.join(root2, "_site/p/index.html"))).toBe(false);
  }, 60_000);
});

describe("page.*, filters and tags", () => {
  it("gives page.* from front matter, and Jekyll's tags and filters", async () => {
    const site = await buildFixture({
      "p.md": fm(
        "title: Page data\norder: 3",
        [
          "Title {{ page.title }}, order {{ page.order }}, path {{ page.path }}, url {{ page.url }}.",
          "{% capture c %}captured{% endcapture %}{{ c | upcase }} {{ 'a b c' | number_of_words }} {{ '<b>x</b>' | strip_html }} {{ 'Tom & Jerry' | xml_escape }}",
          "{% case page.order %}{% when 3 %}three{% else %}other{% endcase %} {% unless page.missing %}unless-ok{% endunless %} {% if page.missing %}never{% endif %}",
          "`{% raw %}{{ kept }}{% endraw %}`{% comment %} hidden {% endcomment %}",
          "",
        ].join("\n\n"),
      ),
    });
    expect(liquid(site)).toEqual([]);
    expect(texts(prose(site.page("p/index.html")).querySelectorAll("p"))).toEqual([
      "Title Page data, order 3, path p.md, url /p/.",
      "CAPTURED 3 x Tom & Jerry",
      "three unless-ok",
      "{{ kept }}",
    ]);
  }, 60_000);
});

describe("warnings at the file line", () => {
  it("renders an undefined variable as nothing, with LIQUID_UNDEFINED; an if/unless/default test is legal", async () => {
    const site = await buildFixture({
      "p.md": fm("title: T\ndescription: d", "Line one.\n\n{% if page.optional %}x{% endif %}{{ page.optional | default: 'fallback' }}\n\nValue: [{{ page.nope }}] and [{{ site.missing.deep }}].\n"),
    });
    expect(site.outcome.ok).toBe(true);
    const found = liquid(site).map((d) => [d.code, d.file?.split("/").pop(), d.line, d.message]);
    expect(found).toEqual([
      ["LIQUID_UNDEFINED", "p.md", 9, "`page.nope` is not defined; it renders as nothing"],
      ["LIQUID_UNDEFINED", "p.md", 9, "`site.missing` is not defined; it renders as nothing"],
    ]);
    expect(texts(prose(site.page("p/index.html")).querySelectorAll("p"))).toEqual(["Line one.", "fallback", "Value: [] and []."]);
  }, 60_000);

  it("reports an undefined variable inside an include at the include's own line", async () => {
    const site = await buildFixture({ "_includes/i.html": "first line\n{{ include.nothing_here }}{{ page.undefined_in_include }}\n", "p.md": fm("title: T", "{% include i.html %}\n") });
    const found = liquid(site).map((d) => [d.code, d.file?.split("/").slice(-2).join("/"), d.line, d.message]);
    expect(found).toEqual([
      ["LIQUID_UNDEFINED", "_includes/i.html", 2, "`include.nothing_here` is not defined; it renders as nothing"],
      ["LIQUID_UNDEFINED", "_includes/i.html", 2, "`page.undefined_in_include` is not defined; it renders as nothing"],
    ]);
  }, 60_000);

  it("renders lax output as Ruby Liquid reads it, with LIQUID_LAX, and fails under --strict", async () => {
    const files = { "p.md": fm("title: T", "Alert:\n\n{{$labels.path}} is down ({{ $value }}).\n\n`{% raw %}{{$labels.path}}{% endraw %}`\n") };
    const site = await buildFixture(files);
    expect(site.outcome.ok).toBe(true);
    expect(liquid(site).map((d) => [d.code, d.line])).toEqual([
      ["LIQUID_LAX", 6],
      ["LIQUID_LAX", 6],
    ]);
    expect(texts(prose(site.page("p/index.html")).querySelectorAll("p"))).toEqual(["Alert:", "is down ().", "{{$labels.path}}"]);
    const strict = await buildFixture(files, { strict: true });
    expect(strict.outcome.ok).toBe(false);
  }, 60_000);

  it("keeps the existing errors: unknown filter, unclosed tag", async () => {
    const site = await buildFixture({ "p.md": fm("title: T", "Text.\n\n{{ page.title | no_such_filter }}\n") });
    expect(site.outcome.ctx.diagnostics.errors.map((d) => [d.code, d.line])).toEqual([["LIQUID_UNKNOWN_FILTER", 6]]);
  }, 60_000);
});
