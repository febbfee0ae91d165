// Kramdown attribute lists on every block kind, span IALs, and their diagnostics.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { parseAttributeList, TOC_MARKER_ATTR } from "../../src/markdown/attribute-list.ts";
import { blockAttributes } from "../../src/markdown/block-attributes.ts";
import { runFixtures } from "./fixture-runner.ts";
import { renderWithReports } from "./report.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
runFixtures(path.join(fixtures, "attribute-lists.md"), { ignore: "a.heading-anchor" });

describe("parseAttributeList", () => {
  it("reads every item kind in one list", () => {
    expect(parseAttributeList(` .a.b#id key="v" k2='w' k3=x toc`)).toEqual({
      ok: true,
      list: { classes: ["a", "b"], id: "id", attrs: [["key", "v"], ["k2", "w"], ["k3", "x"]], refs: ["toc"] },
    });
  });

  it("fails on what kramdown cannot read", () => {
    expect(parseAttributeList(`.a key="unterminated`)).toEqual({ ok: false, bad: `key="unterminated` });
  });
});

// What the TOC rule (src/markdown/kramdown/) reads: our tokens before it replaces the list.
describe("markers for the TOC rule", () => {
  const md = new MarkdownIt().use(blockAttributes, { report: () => {} });

  it("`* TOC` + `{:toc}` marks the list token, and the line is gone", () => {
    const tokens = md.parse("* TOC\n{:toc}\n\n## A\n", {});
    const list = tokens.find((t) => t.type === "bullet_list_open");
    expect(list?.attrGet(TOC_MARKER_ATTR)).toBe("");
    expect(tokens.some((t) => t.type.startsWith("kramdown_"))).toBe(false);
  });

  it("`{:.no_toc}` puts the class on the heading token", () => {
    const tokens = md.parse("## Contents\n{:.no_toc}\n", {});
    expect(tokens.find((t) => t.type === "heading_open")?.attrGet("class")).toBe("no_toc");
  });
});

describe("attribute-line diagnostics", () => {
  it("reports a line that nothing consumed at its line, and drops it from the HTML", () => {
    const { html, reports } = renderWithReports("Text.\n\n{:.orphan}\n");
    expect(reports).toEqual([{ code: "MD_UNCONSUMED_ATTRIBUTES", line: 2, severity: "error" }]);
    expect(html).not.toContain("orphan");
  });

  it("reports a line left at the end of a blockquote", () => {
    const { reports } = renderWithReports("> quote\n>\n> {:.x}\n");
    expect(reports).toEqual([{ code: "MD_UNCONSUMED_ATTRIBUTES", line: 2, severity: "error" }]);
  });

  it("reports a span attribute list left in the text, at its line inside the paragraph", () => {
    const { reports } = renderWithReports("Intro\n\nfirst line\nsecond {:.mid} line\n");
    expect(reports).toEqual([{ code: "MD_UNCONSUMED_ATTRIBUTES", line: 3, severity: "error" }]);
  });

  it("reports an attribute line it cannot read", () => {
    const { reports } = renderWithReports("Text.\n{: key=\"open}\n");
    expect(reports).toEqual([{ code: "MD_INVALID_ATTRIBUTES", line: 1, severity: "error" }]);
  });

  it("warns about a reference to an undefined attribute list", () => {
    const { reports } = renderWithReports("Text.\n{:nosuch}\n");
    expect(reports).toEqual([{ code: "MD_UNKNOWN_ATTRIBUTE_REFERENCE", line: 1, severity: "warning" }]);
  });

  it("reports nothing for consumed lines", () => {
    expect(renderWithReports("Text.\n{:.a}\n\n* TOC\n{:toc}\n").reports).toEqual([]);
  });
});
