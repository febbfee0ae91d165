import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { SourceRegistry } from "../../src/diagnostics/source-lines.ts";
import { traceDiagramsPlugin } from "../../src/traces/plugin.ts";
import { renderTraceTag } from "../../src/traces/tag.ts";
import { parseFragment } from "../helpers/html.ts";
import { jaegerDoc, SHOP, tempDir, writeJson } from "./fixtures.ts";

/** A project with content/guide/page.md and content/guide/traces/shop.json. */
function project() {
  const root = tempDir();
  const content = path.join(root, "content");
  writeJson(content, "guide/traces/shop.json", jaegerDoc(SHOP));
  writeJson(content, "guide/traces/bad.json", "{ nope");
  writeJson(root, "outside.json", jaegerDoc(SHOP));
  const env = { diagnostics: new Diagnostics(), sources: new SourceRegistry(root), contentDir: content };
  const site = { inputPath: path.join(content, "guide/page.md"), line: 12, column: 1 };
  return { root, content, env, site };
}

describe("trace tags", () => {
  it("resolves paths relative to the page's folder and renders each diagram", () => {
    const { env, site } = project();
    const kinds = [
      renderTraceTag("trace", '"traces/shop.json" collapse=2 highlight="00000000000000b2" critical-path', site, env),
      renderTraceTag("tracegraph", '"traces/shop.json"', site, env),
      renderTraceTag("tracecompare", `"traces/shop.json" './traces/shop.json'`, site, env),
    ].map((html) => parseFragment(html).querySelector("figure")!.className);
    expect(kinds).toEqual(["trace-diagram trace-diagram--timeline", "trace-diagram trace-diagram--graph", "trace-diagram trace-diagram--compare"]);
    expect(env.diagnostics.sorted()).toEqual([]);
  });

  it("gives each tag on a page its own stable ids", () => {
    const { env, site } = project();
    const id = (line: number) => parseFragment(renderTraceTag("trace", '"traces/shop.json"', { ...site, line }, env)).querySelector("figure")!.id;
    expect(id(3)).toBe(id(3));
    expect(id(3)).not.toBe(id(9));
  });

  it("reports a writer's mistake at the page line, naming the trace file, and draws an error box", () => {
    const { env, site } = project();
    const html = renderTraceTag("trace", '"traces/bad.json"', site, env);
    const box = parseFragment(html).querySelector(".trace-error")!;
    expect(box.textContent).toContain("TRACE_INVALID_JSON");
    expect(env.diagnostics.errors).toMatchObject([{ code: "TRACE_INVALID_JSON", file: "content/guide/page.md", line: 12 }]);
    expect(env.diagnostics.errors[0]!.message).toContain("content/guide/traces/bad.json");
    expect(env.diagnostics.errors[0]!.hint).toBeTruthy();
  });

  it("reports a missing file, a path outside the content folder, bad arguments and unknown options", () => {
    const { env, site } = project();
    renderTraceTag("trace", '"traces/missing.json"', site, env);
    renderTraceTag("trace", '"../../outside.json"', site, env);
    renderTraceTag("tracecompare", '"traces/shop.json"', site, env);
    renderTraceTag("trace", '"traces/shop.json" collapse=zero', site, env);
    const html = renderTraceTag("trace", '"traces/shop.json" critcal-path', site, env);
    expect(env.diagnostics.errors.map((d) => d.code).sort()).toEqual(["TRACE_BAD_ARGS", "TRACE_BAD_ARGS", "TRACE_NOT_FOUND", "TRACE_PATH_OUTSIDE"]);
    expect(env.diagnostics.warnings).toMatchObject([{ code: "TRACE_UNKNOWN_OPTION" }]);
    expect(env.diagnostics.warnings[0]!.hint).toContain('"critical-path"');
    // A warning still draws the diagram.
    expect(parseFragment(html).querySelector("figure.trace-diagram")).not.toBeNull();
  });

  it("warns about a highlighted span that isn't in the trace", () => {
    const { env, site } = project();
    renderTraceTag("trace", '"traces/shop.json" highlight="deadbeef"', site, env);
    expect(env.diagnostics.warnings).toMatchObject([{ code: "TRACE_UNKNOWN_SPAN", line: 12 }]);
  });
});

describe("plugin in an Eleventy build", () => {
  it("registers the tags, finds the page, and reports at the page's file line", async () => {
    const { root, content } = project();
    const page = ["---", "title: Traces", "---", "# Checkout", "", '{% trace "traces/shop.json" %}', "", '{% tracegraph "traces/bad.json" %}', ""].join("\n");
    fs.writeFileSync(path.join(content, "guide/page.md"), page);
    const configPath = path.join(root, "empty.config.mjs");
    fs.writeFileSync(configPath, "export default function () {}\n");
    const diagnostics = new Diagnostics();
    const sources = new SourceRegistry(root);
    // What the front matter stage records; the body starts on line 4.
    sources.setBodyStart(path.join(content, "guide/page.md"), 4);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const elev = new Eleventy("content", "_site", {
        configPath,
        quietMode: true,
        config: (cfg) => {
          cfg.setLiquidOptions({ jekyllInclude: true });
          cfg.addPlugin(traceDiagramsPlugin, { diagnostics, sources });
          return { markdownTemplateEngine: "liquid" } as unknown as void;
        },
      });
      const [result] = await elev.toJSON();
      const body = parseFragment(result!.content);
      expect(body.querySelectorAll("figure.trace-diagram--timeline svg g.trace-row")).toHaveLength(SHOP.length);
      // Markdown left the figure alone: no <p> wrapped around it.
      expect(body.querySelector("p > figure, p > svg")).toBeNull();
      expect(body.querySelector(".trace-error")).not.toBeNull();
      expect(diagnostics.errors).toMatchObject([{ code: "TRACE_INVALID_JSON", file: "content/guide/page.md", line: 8 }]);
    } finally {
      process.chdir(cwd);
    }
  });
});
