import { describe, expect, it } from "vitest";
import { parseYaml, MAX_ALIASES } from "../../src/frontmatter/yaml.ts";
import { splitFrontMatter } from "../../src/frontmatter/split.ts";

describe("splitFrontMatter", () => {
  it("finds the fences and the body's first line", () => {
    const parts = splitFrontMatter("---\ntitle: A\nlayout: article\n---\n# Body\n");
    expect(parts.yaml).toBe("title: A\nlayout: article");
    expect(parts.yamlStartLine).toBe(2);
    expect(parts.bodyStartLine).toBe(5);
    expect(parts.body).toBe("# Body\n");
  });
  it("reports no front matter and unclosed front matter", () => {
    expect(splitFrontMatter("# Just text\n").yaml).toBeUndefined();
    expect(splitFrontMatter("---\ntitle: A\n# no close\n").unclosed).toBe(true);
  });
  it("reads the language of ---js front matter", () => {
    expect(splitFrontMatter("---js\n{ title: 'x' }\n---\n").language).toBe("js");
  });
});

describe("parseYaml", () => {
  it("parses a mapping", () => {
    expect(parseYaml("title: A\ntags:\n  - x\n", 2)).toEqual({ data: { title: "A", tags: ["x"] }, diagnostics: [] });
  });
  it("keeps the last value of a duplicated key, with a warning at the duplicate's line", () => {
    const r = parseYaml("title: A\nlayout: article\ntitle: B\n", 2);
    expect(r.data).toEqual({ title: "B", layout: "article" });
    expect(r.diagnostics).toMatchObject([{ severity: "warning", code: "FM_DUPLICATE_KEY", line: 4 }]);
  });
  it("points an unclosed quote at the line where it opens", () => {
    const r = parseYaml('title: "Unclosed\nlayout: article\ntags:\n  - a\n', 2);
    expect(r.data).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ severity: "error", code: "FM_YAML_SYNTAX", line: 2 }]);
  });
  it("reports bad indentation and tabs at their line", () => {
    expect(parseYaml("title: A\n  layout: article\n", 2).diagnostics[0]).toMatchObject({ code: "FM_YAML_SYNTAX", line: 3 });
    const tab = parseYaml("title: A\nflags:\n\tbeta: true\n", 2).diagnostics[0];
    expect(tab).toMatchObject({ code: "FM_YAML_SYNTAX", line: 4 });
    expect(tab?.hint).toMatch(/spaces/);
  });
  it("rejects custom tags (safe schema only)", () => {
    const r = parseYaml("title: !!js/function 'function(){}'\n", 2);
    expect(r.diagnostics[0]).toMatchObject({ severity: "error", code: "FM_YAML_TAG", line: 2 });
  });
  it("caps aliases", () => {
    const many = ["a: &a [1]", ...Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `k${i}: *a`)].join("\n");
    expect(parseYaml(many, 2).diagnostics[0]).toMatchObject({ code: "FM_YAML_ALIASES" });
    expect(parseYaml("a: &a [1]\nb: *a\n", 2).data).toEqual({ a: [1], b: [1] });
  });
});
