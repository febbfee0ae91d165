import { describe, expect, it } from "vitest";
import { locateKey } from "../../src/frontmatter/locate.ts";
import { validateFrontMatter, type SiteVocabulary } from "../../src/frontmatter/validate.ts";
import { parseYaml } from "../../src/frontmatter/yaml.ts";

const vocab: SiteVocabulary = {
  layouts: ["article", "default"],
  contributors: new Set(["yberlinger"]),
  tags: new Set(["distributed tracing", "jaeger"]),
};

function check(yaml: string) {
  return validateFrontMatter(parseYaml(yaml, 2).data, yaml, 2, vocab);
}

describe("locateKey", () => {
  const yaml = "title: A\nflags:\n  logzio-plan: pro\n  beta: true\ntags:\n  - one\n  - two\n";
  it("finds top-level keys, nested keys and list items", () => {
    expect(locateKey(yaml, ["title"])).toBe(0);
    expect(locateKey(yaml, ["flags", "beta"])).toBe(3);
    expect(locateKey(yaml, ["tags", 1])).toBe(6);
  });
  it("falls back to the parent for flow style", () => {
    expect(locateKey("tags: [a, b]\n", ["tags", 1])).toBe(0);
  });
});

describe("validateFrontMatter", () => {
  it("accepts the writers' page shape", () => {
    const r = check("layout: article\ntitle: Tracing\npermalink: /user-guide/tracing/\nflags:\n  logzio-plan: pro enterprise\n  beta: true\ntags:\n  - jaeger\ncontributors:\n  - yberlinger\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.data?.flags?.["logzio-plan"]).toBe("pro enterprise");
  });
  it("names the field and line of a wrong type", () => {
    const r = check('title: T\nflags:\n  beta: "no"\n');
    expect(r.data).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ severity: "error", code: "FM_INVALID_FIELD", line: 4 }]);
    expect(r.diagnostics[0]?.message).toMatch(/flags\.beta/);
    expect(r.diagnostics[0]?.message).toMatch(/true or false/);
  });
  it("rejects a title that is a list, and a missing title", () => {
    expect(check("title:\n  - a\n").diagnostics[0]).toMatchObject({ code: "FM_INVALID_FIELD", line: 2 });
    const missing = check("layout: article\n").diagnostics[0];
    expect(missing).toMatchObject({ code: "FM_MISSING_FIELD" });
    expect(missing?.message).toMatch(/title/);
  });
  it("rejects front matter that is not a mapping", () => {
    expect(check("- a\n- b\n").diagnostics[0]).toMatchObject({ code: "FM_NOT_MAPPING", line: 2 });
    expect(check("just a string\n").diagnostics[0]).toMatchObject({ code: "FM_NOT_MAPPING" });
  });
  it("rejects an unknown plan tier", () => {
    expect(check("title: T\nflags:\n  logzio-plan: gold\n").diagnostics[0]).toMatchObject({ code: "FM_INVALID_FIELD", line: 4 });
  });
  it("warns on an unknown key with a did-you-mean hint", () => {
    const r = check("titel: T\ntitle: T\n");
    expect(r.diagnostics).toMatchObject([{ severity: "warning", code: "FM_UNKNOWN_KEY", line: 2 }]);
    expect(r.diagnostics[0]?.hint).toMatch(/did you mean `title`/);
    expect(r.data?.title).toBe("T");
  });
  it("errors on an unknown layout at its line, listing the known ones", () => {
    const r = check("title: T\nlayout: artcle\n");
    expect(r.diagnostics).toMatchObject([{ severity: "error", code: "FM_UNKNOWN_LAYOUT", line: 3 }]);
    expect(r.diagnostics[0]?.message).toMatch(/`article`, `default`/);
  });
  it("warns on unknown contributors and tags at the item's line", () => {
    const r = check("title: T\ntags:\n  - jaeger\n  - jager\ncontributors:\n  - nobody\n");
    expect(r.diagnostics).toMatchObject([
      { severity: "warning", code: "FM_UNKNOWN_CONTRIBUTOR", line: 7 },
      { severity: "warning", code: "FM_UNKNOWN_TAG", line: 5 },
    ]);
    expect(r.diagnostics[1]?.hint).toMatch(/did you mean `jaeger`/);
  });
});
