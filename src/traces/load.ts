// Reading a trace file: file → JSON → format detection → schema → model, with every failure as a TraceProblem.
import fs from "node:fs";
import type { z } from "zod";
import { fromJaeger, fromOtlp, type Converted } from "./convert.ts";
import { buildTrace, problemMessage, type Trace, type TraceProblem } from "./model.ts";
import { jaegerFileSchema, jsonPath, otlpFileSchema } from "./schema.ts";

export interface LoadResult {
  trace?: Trace;
  problems: TraceProblem[];
}

/** Read and check a trace file. `file` is the name used in messages (project-relative). */
export function loadTraceFile(absPath: string, file: string): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(absPath, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return {
      problems: [
        {
          severity: "error",
          code: "TRACE_NOT_FOUND",
          message: problemMessage(file, undefined, code === "EISDIR" ? "is a folder, not a trace file" : "no such trace file"),
          hint: "Trace paths are relative to the page's folder, e.g. `traces/checkout.json` next to the page.",
        },
      ],
    };
  }
  return parseTraceText(text, file);
}

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** V8 says "at position N" (Node 20) or "(line L column C)" (Node 22+); an early end has neither. */
function jsonErrorPlace(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  const { line, column } = lineCol(text, pos ? Number(pos[1]) : text.length);
  return `line ${line}, column ${column}`;
}

export function parseTraceText(text: string, file: string): LoadResult {
  let doc: unknown;
  try {
    // A BOM is legal in a file but not in JSON.parse.
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (cause) {
    const reason = (cause as Error).message;
    return {
      problems: [
        {
          severity: "error",
          code: "TRACE_INVALID_JSON",
          message: problemMessage(file, undefined, `invalid JSON at ${jsonErrorPlace(text, reason)}: ${reason}`),
          hint: "Check the file with a JSON validator, or export the trace again.",
        },
      ],
    };
  }

  let converted: Converted;
  if (isObjectWith(doc, "data")) {
    const parsed = jaegerFileSchema.safeParse(doc);
    if (!parsed.success) return { problems: schemaProblems(parsed.error, file, "Jaeger") };
    converted = fromJaeger(parsed.data, file);
  } else if (isObjectWith(doc, "resourceSpans")) {
    const parsed = otlpFileSchema.safeParse(doc);
    if (!parsed.success) return { problems: schemaProblems(parsed.error, file, "OTLP") };
    converted = fromOtlp(parsed.data, file);
  } else {
    return {
      problems: [
        {
          severity: "error",
          code: "TRACE_UNKNOWN_FORMAT",
          message: problemMessage(file, "(top level)", "not a Jaeger trace (`data`) or an OTLP trace (`resourceSpans`)"),
          jsonPath: "(top level)",
          hint: "Use Jaeger's JSON download or an OTLP/JSON export.",
        },
      ],
    };
  }
  if (converted.problems.some((p) => p.severity === "error")) return { problems: converted.problems };
  const built = buildTrace(converted.spans, file, converted.emptyPath);
  return { trace: built.trace, problems: [...converted.problems, ...built.problems] };
}

function isObjectWith(doc: unknown, key: string): doc is Record<string, unknown> {
  return typeof doc === "object" && doc !== null && !Array.isArray(doc) && key in doc;
}

function schemaProblems(error: z.ZodError, file: string, format: string): TraceProblem[] {
  // The first few issues are enough to find the fault; a bad export can produce thousands.
  return error.issues.slice(0, 3).map((issue) => {
    const at = jsonPath(issue.path);
    return {
      severity: "error" as const,
      code: "TRACE_SCHEMA",
      message: problemMessage(file, at, `${issue.message} (reading it as ${format} JSON)`),
      jsonPath: at,
      hint: `Compare the field with a ${format} export, or export the trace again.`,
    };
  });
}
