// Tasklist step headings: the writer's ##### printed one level below the section it sits in.
import { describe, expect, it } from "vitest";
import { tableOfContents } from "../../src/layouts/toc.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { parseFragment } from "../helpers/html.ts";

const md = createMarkdown();
const tasklist = (...steps: string[]) => `<div class="tasklist">\n\n${steps.map((s) => `##### ${s}\n\nText.\n`).join("\n")}\n</div>\n`;
/** The tag of each step heading, in order. */
const stepTags = (html: string) => [...parseFragment(html).querySelectorAll("ol.steps > li.step")].map((li) => li.firstElementChild!.tagName.toLowerCase());

describe("tasklist step headings", () => {
  it("are one level below the heading before the tasklist", () => {
    for (const level of [2, 3, 4]) {
      const html = md.render(`${"#".repeat(level)} Section\n\n${tasklist("One", "Two")}`);
      expect(stepTags(html), `under an h${level}`).toEqual([`h${level + 1}`, `h${level + 1}`]);
    }
  });

  it("are h2 with no heading before them (the page title is the h1), and never deeper than h6", () => {
    expect(stepTags(md.render(tasklist("One")))).toEqual(["h2"]);
    expect(stepTags(md.render(`###### Deep\n\n${tasklist("One")}`))).toEqual(["h6"]);
    expect(stepTags(md.render(`##### Deep\n\n${tasklist("One")}`))).toEqual(["h6"]);
  });

  it("take the level of the section, not of an earlier tasklist's steps", () => {
    const html = md.render(`## Section\n\n${tasklist("One")}\nBetween.\n\n${tasklist("Two")}\n### Sub\n\n${tasklist("Three")}`);
    expect(stepTags(html)).toEqual(["h3", "h3", "h4"]);
  });

  it("keep their ids, explicit or automatic, and their permalinks", () => {
    const body = parseFragment(md.render(`## Section\n\n<div class="tasklist">\n\n##### Open the UI {#open}\n\nText.\n\n##### Find traces\n\n</div>\n`));
    const headings = [...body.querySelectorAll("li.step > h3")];
    expect(headings.map((h) => h.id)).toEqual(["open", "find-traces"]);
    expect(headings.map((h) => h.nextElementSibling?.getAttribute("href"))).toEqual(["#open", "#find-traces"]);
  });

  it("stay in the writer's {:toc} where kramdown puts them, and out of the layout's On this page", () => {
    const html = md.render(`* TOC\n{:toc}\n\n## Section\n\n${tasklist("One")}\n## Next\n`);
    const body = parseFragment(html);
    // kramdown nests the ##### step under the section.
    expect([...body.querySelectorAll("#markdown-toc > li > ul > li > a")].map((a) => a.getAttribute("href"))).toEqual(["#one"]);
    expect(tableOfContents(html).map((e) => [e.id, e.children.length])).toEqual([["section", 0], ["next", 0]]);
  });

  it("in a tab panel follow the heading before the tabs (the panel title is hidden once tabs work)", () => {
    const src = `## Deploy\n\n<div class="branching-container">\n\n* [Docker](#docker)\n{:.branching-tabs}\n\n<!-- tab:start -->\n<div id="docker">\n\n${tasklist("One")}\n</div>\n<!-- tab:end -->\n\n</div>\n`;
    const body = parseFragment(md.render(src));
    expect(body.querySelector("section.tabs-panel .tabs-panel-title")?.tagName.toLowerCase()).toBe("h3");
    expect(stepTags(md.render(src))).toEqual(["h3"]);
  });
});
