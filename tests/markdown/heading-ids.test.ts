// Heading ids (kramdown GFM rule, {#id}) and heading anchor links, from fixture files.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { parseFragment } from "../helpers/html.ts";
import { runFixtures } from "./fixture-runner.ts";
import { renderWithReports } from "./report.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

runFixtures(path.join(fixtures, "heading-ids.md"), { ignore: "a.heading-anchor" });
runFixtures(path.join(fixtures, "heading-anchors.md"));

describe("heading ids across renders", () => {
  it("start afresh for every page rendered by the same instance", () => {
    const md = createMarkdown();
    for (let page = 0; page < 2; page++) {
      const ids = [...parseFragment(md.render("## Setup\n\n## Setup\n", {})).querySelectorAll("h2")].map((h) => h.id);
      expect(ids).toEqual(["setup", "setup-1"]);
    }
  });

  it("start afresh even when pages share one env object", () => {
    const md = createMarkdown();
    const env = {};
    md.render("## Setup\n", env);
    expect(parseFragment(md.render("## Setup\n", env)).querySelector("h2")?.id).toBe("setup");
  });
});

describe("duplicate explicit ids", () => {
  it("are an error at the second heading's line, and the page still has unique ids", () => {
    const { html, reports } = renderWithReports("## One {#dup}\n\ntext\n\n## Two {#dup}\n");
    expect(reports).toEqual([{ code: "MD_DUPLICATE_ID", line: 4, severity: "error" }]);
    const ids = [...parseFragment(html).querySelectorAll("h2")].map((h) => h.id);
    expect(ids).toEqual(["dup", "dup-1"]);
  });

  it("count ids set by attribute lines on other blocks too", () => {
    const { reports } = renderWithReports("Para.\n{: #same}\n\n## Head\n{: #same}\n");
    expect(reports).toEqual([{ code: "MD_DUPLICATE_ID", line: 3, severity: "error" }]);
  });

  it("automatic repeats are not errors", () => {
    expect(renderWithReports("## Setup\n\n## Setup\n").reports).toEqual([]);
  });
});
