// Curly quotes are written as entities (src/markdown/quote-entities.ts): the page reads the same, and
// its HTML holds no character above U+00FF, so the build can store it one byte a character. What is
// tested is how the HTML is written, so these cases look at the serialized HTML as well as the DOM.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { parseFragment } from "../helpers/html.ts";

const WIDE = /[^\u0000-\u00ff]/;
const render = (src: string) => createMarkdown().render(src, {});

describe("quote entities", () => {
  const cases: { title: string; input: string; text: string; entities: string[] }[] = [
    { title: "apostrophes and a quotation", input: `It's the "root" span.`, text: "It’s the “root” span.", entities: ["&rsquo;", "&ldquo;", "&rdquo;"] },
    { title: "single quotes around a word", input: `Set 'sampler' first.`, text: "Set ‘sampler’ first.", entities: ["&lsquo;", "&rsquo;"] },
    { title: "a decade (kramdown's rule)", input: `Tracing in the '90s.`, text: "Tracing in the ’90s.", entities: ["&rsquo;"] },
    { title: "curly quotes the writer typed", input: "Jaeger’s “collector”.", text: "Jaeger’s “collector”.", entities: ["&rsquo;", "&ldquo;", "&rdquo;"] },
    { title: "inside emphasis, a link and a heading", input: `## Jaeger's UI\n\n*it's* [the "UI"](/ui/)`, text: "Jaeger’s UI it’s the “UI”", entities: ["&rsquo;", "&ldquo;"] },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const html = render(c.input);
      const root = parseFragment(html);
      for (const anchor of root.querySelectorAll(".heading-anchor")) anchor.remove();
      expect(root.textContent?.replace(/\s+/g, " ").trim()).toBe(c.text);
      expect(html).not.toMatch(WIDE);
      for (const entity of c.entities) expect(html).toContain(entity);
    });
  }

  it("leaves code as typed", () => {
    const html = render("Run `echo 'it's'`:\n\n```sh\necho \"it's\"\n```\n");
    const root = parseFragment(html);
    expect([...root.querySelectorAll("code")].map((c) => c.textContent)).toEqual(["echo 'it's'", `echo "it's"\n`]);
  });

  it("leaves other characters above U+00FF as they are", () => {
    const html = render("Spans → traces… it's");
    expect(parseFragment(html).textContent?.trim()).toBe("Spans → traces… it’s");
    expect(html).toContain("→");
    expect(html).toContain("&rsquo;");
  });
});
