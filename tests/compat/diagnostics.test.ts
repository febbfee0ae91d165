// Writers' mistakes that the kramdown parity rules report (callout kinds, tabs without a panel).
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import type { MarkdownReport } from "../../src/diagnostics/source-lines.ts";
import { parseFragment } from "../helpers/html.ts";

function render(src: string) {
  const reports: { line: number | undefined; code: string; severity: string; hint?: string }[] = [];
  const report: MarkdownReport = (_env, line, d) => reports.push({ line, code: d.code, severity: d.severity, hint: d.hint });
  const html = createMarkdown({ report }).render(src, {});
  return { root: parseFragment(html), reports };
}

describe("kramdown parity diagnostics", () => {
  it("warns about an info box without a kind, at its line, and renders it as a note", () => {
    const { root, reports } = render("Intro.\n\nCareful here.\n{:.info-box}\n");
    expect(reports).toEqual([expect.objectContaining({ code: "CALLOUT_KIND", severity: "warning", line: 2 })]);
    expect(reports[0]!.hint).toMatch(/info-box\.note/);
    expect(root.querySelector("aside.callout.callout-note")?.getAttribute("aria-label")).toBe("Note");
  });

  it("warns about an info box with two kinds and uses the first", () => {
    const { root, reports } = render("Careful.\n{:.info-box.tip.warning}\n");
    expect(reports.map((r) => r.code)).toEqual(["CALLOUT_KIND"]);
    expect(root.querySelector("aside.callout")?.classList.contains("callout-tip")).toBe(true);
  });

  it("reports nothing for a well-formed callout", () => {
    expect(render("Fine.\n{:.info-box.read}\n").reports).toEqual([]);
  });

  it("warns about a tab link with no panel, at the tab list's line", () => {
    const src = [
      '<div class="branching-container">',
      "",
      "* [One](#one)",
      "* [Two](#two)",
      "{:.branching-tabs}",
      "",
      '<div id="one">',
      "",
      "First.",
      "",
      "</div>",
      "",
      "</div>",
      "",
    ].join("\n");
    const { root, reports } = render(src);
    expect(reports).toEqual([expect.objectContaining({ code: "TABS_MISSING_PANEL", severity: "warning", line: 2 })]);
    expect([...root.querySelectorAll("section.tabs-panel")].map((s) => s.id)).toEqual(["one"]);
  });
});
