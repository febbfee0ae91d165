// The real guide, built with --strict: no diagnostics, checklist ids and internal links resolve in the HTML.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildOutcome } from "../../src/build/build.ts";
import { parseDocument } from "../helpers/html.ts";
import { CONTENT, headings, listPages, readPage } from "./guide.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "guide-build-"));
const output = path.join(root, "_site");
let outcome: BuildOutcome;

/** The output file of a permalink: `/a/b/` → a/b/index.html. */
const fileOf = (permalink: string) => path.join(output, permalink.endsWith("/") ? `${permalink}index.html` : permalink);
const docOf = (permalink: string) => parseDocument(fs.readFileSync(fileOf(permalink), "utf8"));

beforeAll(async () => {
  outcome = await build({ input: CONTENT, output, strict: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the guide, built with --strict", () => {
  it("builds with no error and no warning", () => {
    const report = [...outcome.ctx.diagnostics.errors, ...outcome.ctx.diagnostics.warnings].map(
      (d) => `${d.file}:${d.line} ${d.code} ${d.message}`,
    );
    expect(report).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  it("writes every page at its permalink", () => {
    for (const page of listPages()) expect(fs.existsSync(fileOf(String(page.data.permalink))), page.file).toBe(true);
  });

  it("has every checklist heading id in the built page", () => {
    const readme = fs.readFileSync(path.join(CONTENT, "README.md"), "utf8");
    const targets = [...readme.matchAll(/\]\(([^)#]+\.md)#([^)]+)\)/g)].map((m) => ({ file: m[1]!, id: m[2]! }));
    expect(targets.length).toBeGreaterThan(30);
    const missing = targets.filter(({ file, id }) => {
      const doc = docOf(String(readPage(file).data.permalink));
      const el = doc.getElementById(id);
      return !el || !/^H[1-6]$/.test(el.tagName);
    });
    expect(missing).toEqual([]);
  });

  it("resolves every internal link in the built guide pages to a page and an id", () => {
    const problems: string[] = [];
    for (const page of listPages()) {
      const permalink = String(page.data.permalink);
      const doc = docOf(permalink);
      for (const a of doc.querySelectorAll("main a[href]")) {
        const href = a.getAttribute("href")!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue;
        const [p, frag] = href.split("#", 2) as [string, string | undefined];
        const targetPath = p === "" ? permalink : p;
        if (!fs.existsSync(fileOf(targetPath))) {
          problems.push(`${page.file}: ${href} (no page)`);
          continue;
        }
        if (frag && !(p === "" ? doc : docOf(targetPath)).getElementById(decodeURIComponent(frag))) {
          problems.push(`${page.file}: ${href} (no id)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("renders the writers' syntax the guide relies on", () => {
    const api = docOf("/user-guide/distributed-tracing/api/");
    const search = api.getElementById("param-service");
    expect(search?.closest("dl.paramlist")).not.toBeNull();
    expect(api.querySelector("dl.paramlist .required-param")).not.toBeNull();
    expect(api.querySelector("dl.paramlist .default-param")).not.toBeNull();
    expect(api.getElementById("markdown-toc")).not.toBeNull();
    expect(api.querySelector(".info-box.important")).not.toBeNull();
    // The include with a parameter was expanded: the port reached the text.
    expect(api.querySelector(".info-box.note")?.textContent).toContain("http://localhost:16686");

    const deploying = docOf("/user-guide/distributed-tracing/deploying/");
    expect(deploying.querySelector(".branching-tabs")).not.toBeNull();
    expect(deploying.getElementById("tab-docker")).not.toBeNull();
    expect(deploying.getElementById("tab-kubernetes")).not.toBeNull();

    // The patterns page: a timeline diagram in every pattern section (each h2 but the closing one).
    const patterns = docOf("/user-guide/distributed-tracing/trace-patterns/");
    const ids = headings(readPage("distributed-tracing/trace-patterns.md").body)
      .filter((h) => h.level === 2)
      .map((h) => h.id)
      .slice(0, -1);
    expect(ids.length).toBe(5);
    for (const id of ids) {
      const h2 = patterns.getElementById(id)!;
      let el = h2.nextElementSibling;
      let diagram: Element | null = null;
      while (el && el.tagName !== "H2" && !diagram) {
        diagram = el.matches("figure.trace-diagram--timeline") ? el : el.querySelector("figure.trace-diagram--timeline");
        el = el.nextElementSibling;
      }
      expect(diagram, `diagram under "${h2.textContent}"`).not.toBeNull();
    }
    expect(docOf("/user-guide/distributed-tracing/comparing-traces/").querySelector("figure.trace-diagram--compare")).not.toBeNull();
  });
});
