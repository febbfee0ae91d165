// The per-page Liquid check parses each page once before Eleventy renders it; Eleventy's own compile
// then takes that parse instead of parsing the same text again.
import { Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { SourceRegistry } from "../../src/diagnostics/source-lines.ts";
import { liquidSyntaxCheck } from "../../src/liquid/syntax-check.ts";

/** The hooks the check registers, captured from a stand-in for Eleventy's config. */
function setUp() {
  let amend: ((lib: Liquid) => void) | undefined;
  let preprocess: ((this: { inputPath: string }, data: unknown, content: string) => unknown) | undefined;
  const events = new Map<string, () => void>();
  const config = {
    amendLibrary: (_name: string, fn: (lib: Liquid) => void) => void (amend = fn),
    addPreprocessor: (_name: string, _ext: string, fn: typeof preprocess) => void (preprocess = fn),
    on: (name: string, fn: () => void) => void events.set(name, fn),
  };
  liquidSyntaxCheck(config as never, { diagnostics: new Diagnostics(), sources: new SourceRegistry() });
  const liquid = new Liquid();
  // A tag that counts how often a template holding it is parsed.
  let parses = 0;
  liquid.registerTag("counted", {
    parse(_token: TagToken, _rest: TopLevelToken[]) {
      parses++;
    },
    render() {
      return "counted";
    },
  });
  amend!(liquid);
  return { liquid, check: (inputPath: string, content: string) => preprocess!.call({ inputPath }, {}, content), events, parses: () => parses };
}

describe("the Liquid syntax check's parse", () => {
  it("is the one Eleventy renders: the same page's text is parsed once", async () => {
    const { liquid, check, parses } = setUp();
    const text = "Before {% counted %} {{ name }}.";
    expect(check("./content/a.md", text)).toBeUndefined();
    expect(parses()).toBe(1);
    const templates = liquid.parse(text, "./content/a.md");
    expect(parses()).toBe(1);
    expect(await liquid.render(templates, { name: "after" })).toBe("Before counted after.");
    // Taken once: a second compile of the page parses again.
    liquid.parse(text, "./content/a.md");
    expect(parses()).toBe(2);
  });

  it("is not used for other text under the same path, nor after the build ends", () => {
    const { liquid, check, events, parses } = setUp();
    check("./content/a.md", "{% counted %} one");
    liquid.parse("{% counted %} changed by a later step", "./content/a.md");
    expect(parses()).toBe(2);
    check("./content/b.md", "{% counted %} two");
    events.get("eleventy.after")!();
    liquid.parse("{% counted %} two", "./content/b.md");
    expect(parses()).toBe(4);
  });
});
