// content/README.md maps every outline question to a page and heading; each link must hit a real heading id.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT, headings, kramdownId, readPage } from "./guide.ts";

// The questions of the writers' outline (shared/reference/seed-page.md), in its order. Each must be a row
// of the checklist; the row text may carry extra words after it.
const OUTLINE = [
  "What is the tracing onboarding?",
  "What do I/users know already",
  "What new terms do I need to know?",
  "Overview of how the info gets into the system",
  "What do I see at different stages of using the tracing/Jaeger interface?",
  "What can I select? How do I build my tracing options?",
  "What do I see after I select options? What is displayed?",
  "How can I interact with the display/visualization?",
  "How can I change my view?",
  "What else can I do with my results?",
  "Suggestions? Tips? Best practices?",
  "Overview of what tracing is",
  "\"What's in it for me?\"",
  "What is a trace?",
  "What is a span?",
  "What is a node?",
  "How are spans grouped?",
  "What a set of spans in a trace looks like",
  "Search",
  "Compare",
  "Alternate views",
  "Examples: trace patterns",
  "What you have to do to get set up",
  "Deployment decisions, instrumentation decisions, agent or no?",
  "Maybe a diagram?",
  "Prerequisites: instrumentation, automatic",
  "Prerequisites: instrumentation, manual",
  "Pretagging your data before ingestion",
  "What you can get support for, and what is not supported",
  "Deployment stages: required and optional components",
  "Data ingestion into Logz.io: how do I do this?",
  "Getting started once your tracing data is in place: what can I configure?",
  "How do I create a query?",
  "Viewing traces: by grouped spans or by timeline",
  "How do I see my trace?",
  "Comparing traces: layout of the Compare page",
  "What do the colors mean?",
  "Tracing data in Kibana?",
  "Jaeger APIs?",
];

interface Row {
  question: string;
  targets: { file: string; id: string }[];
}

function checklistRows(): Row[] {
  const readme = fs.readFileSync(path.join(CONTENT, "README.md"), "utf8");
  const section = readme.split(/^## Outline checklist\s*$/m)[1] ?? "";
  const rows: Row[] = [];
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // `| question | links |` → ["", question, links, ""]; skip the header and separator rows.
    if (cells.length < 4 || /^-+$/.test(cells[1]!) || cells[1] === "Outline question") continue;
    const targets = [...cells[2]!.matchAll(/\]\(([^)#]+)#([^)]+)\)/g)].map((m) => ({ file: m[1]!, id: m[2]! }));
    rows.push({ question: cells[1]!, targets });
  }
  return rows;
}

const rows = checklistRows();

describe("outline checklist (content/README.md)", () => {
  it("the id helper follows kramdown's rule (COMPAT.md examples)", () => {
    expect(kramdownId("1. Setup")).toBe("1-setup");
    expect(kramdownId("WHAAAAT! Tracing data in Kibana??")).toBe("whaaaat-tracing-data-in-kibana");
    expect(kramdownId("Ünïcode café")).toBe("ünïcode-café");
    expect(headings("## `code` and _em_\n## Setup\n## Setup\n## Custom {#mine}").map((h) => h.id)).toEqual([
      "code-and-em",
      "setup",
      "setup-1",
      "mine",
    ]);
  });

  it("has a row for every outline question", () => {
    const questions = rows.map((r) => r.question);
    for (const q of OUTLINE) {
      expect(questions.some((row) => row.startsWith(q)), `no checklist row for "${q}"`).toBe(true);
    }
  });

  it.each(rows.map((r) => [r.question, r] as const))("%s → resolves to real headings", (_q, row) => {
    expect(row.targets.length, "the row links no page#heading").toBeGreaterThan(0);
    for (const { file, id } of row.targets) {
      expect(fs.existsSync(path.join(CONTENT, file)), `${file} exists`).toBe(true);
      const ids = headings(readPage(file).body).map((h) => h.id);
      expect(ids, `${file} has a heading with id "${id}"`).toContain(id);
    }
  });
});
