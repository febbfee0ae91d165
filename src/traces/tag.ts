// One trace tag on one page: arguments → trace files → diagram, or a visible error box plus diagnostics.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { displayPath, type SourceRegistry } from "../diagnostics/source-lines.ts";
import { checkTagArgs, parseTagArgs, TAG_SPECS } from "./args.ts";
import { renderCompare } from "./compare.ts";
import { renderServiceGraph } from "./graph.ts";
import { loadTraceFile } from "./load.ts";
import type { Trace, TraceProblem } from "./model.ts";
import { diagramId, esc } from "./svg.ts";
import { renderTimeline } from "./timeline.ts";

export type TagName = keyof typeof TAG_SPECS;

export interface TagSite {
  /** The page being rendered (Eleventy's `page.inputPath`). */
  inputPath: string;
  /** 1-based line and column of the tag in the page file, front matter included. */
  line?: number;
  column?: number;
}

export interface TagEnv {
  diagnostics: Diagnostics;
  sources: SourceRegistry;
  /** Absolute content folder: a trace path must stay inside it. */
  contentDir: string;
}

interface Problem extends Pick<TraceProblem, "severity" | "code" | "message" | "hint"> {}

/** Render `{% <tag> <args> %}`. Never throws for a writer's mistake: it reports and draws an error box. */
export function renderTraceTag(tag: TagName, rawArgs: string, site: TagSite, env: TagEnv): string {
  const page = displayPath(site.inputPath, env.sources.root);
  const problems: Problem[] = [];
  const report = () => {
    for (const p of problems) env.diagnostics.report({ ...p, file: page, line: site.line, column: site.column });
    const errors = problems.filter((p) => p.severity === "error");
    return errors.length ? errorBox(tag, errors) : undefined;
  };

  const spec = TAG_SPECS[tag];
  const args = parseTagArgs(rawArgs);
  problems.push(...checkTagArgs(spec, args));
  const collapseText = args.options.get("collapse");
  const collapse = typeof collapseText === "string" ? Number(collapseText) : undefined;
  if (collapse !== undefined && !(Number.isInteger(collapse) && collapse >= 1)) {
    problems.push({ severity: "error", code: "TRACE_BAD_ARGS", message: `{% trace %}: collapse=${String(collapseText)} is not a whole number of levels (1 or more)`, hint: "Write collapse=2 to show the root and its children." });
  }
  const failed = report();
  if (failed) return failed;
  problems.length = 0;

  const traces: Trace[] = [];
  for (const rel of args.paths) {
    const abs = path.resolve(path.dirname(path.resolve(env.sources.root, site.inputPath)), rel);
    const file = displayPath(abs, env.sources.root);
    if (!inside(env.contentDir, abs)) {
      problems.push({ severity: "error", code: "TRACE_PATH_OUTSIDE", message: `${file}: the trace path "${rel}" leads outside the content folder`, hint: "Keep trace files in the content folder, next to the page (e.g. traces/checkout.json)." });
      continue;
    }
    const loaded = loadTraceFile(abs, file);
    problems.push(...loaded.problems);
    if (loaded.trace) traces.push(loaded.trace);
  }

  if (traces.length === args.paths.length && tag === "trace") {
    const highlight = String(args.options.get("highlight") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    for (const h of highlight) {
      if (!traces[0]!.byId.has(h)) problems.push({ severity: "warning", code: "TRACE_UNKNOWN_SPAN", message: `${traces[0]!.file}: highlight names span ${h}, which is not in the trace`, hint: "Copy the span id from the trace file (spanID / spanId)." });
    }
  }
  const failedLoad = report();
  if (failedLoad || traces.length !== args.paths.length) return failedLoad ?? "";

  // Same page, same place, same arguments → same id, so output is deterministic and ids are unique per page.
  const id = diagramId(tag, page, String(site.line ?? 0), String(site.column ?? 0), rawArgs);
  switch (tag) {
    case "trace":
      return renderTimeline(traces[0]!, {
        id,
        collapse,
        highlight: String(args.options.get("highlight") ?? "").split(",").map((s) => s.trim()).filter(Boolean),
        criticalPath: args.options.get("critical-path") === true,
      });
    case "tracegraph":
      return renderServiceGraph(traces[0]!, { id });
    case "tracecompare":
      return renderCompare(traces[0]!, traces[1]!, { id });
  }
}

/** True when `abs` (and, if it exists, its real path behind any symlink) is inside `dir`. */
function inside(dir: string, abs: string): boolean {
  const within = (d: string, p: string) => {
    const rel = path.relative(d, p);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  if (!within(path.resolve(dir), abs)) return false;
  try {
    return within(fs.realpathSync(dir), fs.realpathSync(abs));
  } catch {
    return true; // A missing file is reported as TRACE_NOT_FOUND by the loader.
  }
}

/** What readers see instead of a diagram: visible in the writers' preview, next to the tag's place. */
function errorBox(tag: string, errors: Problem[]): string {
  const items = errors.map((e) => `<li><code>${esc(e.code)}</code> ${esc(e.message)}<br><span class="trace-error-hint">${esc(e.hint)}</span></li>`);
  return [`<div class="trace-error" role="note">`, `<p><strong>Trace diagram not drawn</strong> ({% ${esc(tag)} %}):</p>`, `<ul>`, ...items, `</ul>`, `</div>`].join("\n");
}
