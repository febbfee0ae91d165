import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTraceFile, parseTraceText } from "../../src/traces/load.ts";
import { jaegerDoc, otlpDoc, SHOP, tempDir } from "./fixtures.ts";

const FILE = "content/guide/traces/bad.json";
const problemsOf = (doc: unknown) => parseTraceText(typeof doc === "string" ? doc : JSON.stringify(doc), FILE).problems;

describe("trace file errors name the file, the JSON path and a code", () => {
  it("TRACE_NOT_FOUND for a missing file", () => {
    const r = loadTraceFile(path.join(tempDir(), "nope.json"), "content/guide/traces/nope.json");
    expect(r.trace).toBeUndefined();
    expect(r.problems).toMatchObject([{ severity: "error", code: "TRACE_NOT_FOUND" }]);
    expect(r.problems[0]!.message).toContain("content/guide/traces/nope.json");
  });

  it("TRACE_INVALID_JSON with the line of the fault", () => {
    const [p] = problemsOf('{\n  "data": [\n    {,\n  ]\n}');
    expect(p).toMatchObject({ severity: "error", code: "TRACE_INVALID_JSON" });
    expect(p!.message).toContain(FILE);
    expect(p!.message).toMatch(/line 3, column \d+/);
  });

  it("TRACE_MISSING_PARENT is a warning; the orphan is drawn at the root", () => {
    const spans = SHOP.map((s) => (s.id === "00000000000000e5" ? { ...s, parent: "ffffffffffffffff" } : s));
    const r = parseTraceText(JSON.stringify(jaegerDoc(spans)), FILE);
    expect(r.problems).toMatchObject([{ severity: "warning", code: "TRACE_MISSING_PARENT", jsonPath: "data[0].spans[4].references[0]" }]);
    expect(r.problems[0]!.message).toContain(`${FILE}: data[0].spans[4].references[0]:`);
    expect(r.trace!.roots.map((s) => s.id)).toEqual(["00000000000000a1", "00000000000000e5"]);
  });

  it("TRACE_CYCLE for spans that are each other's ancestors", () => {
    const spans = [
      ...SHOP.slice(0, 2),
      { id: "0000000000000c01", parent: "0000000000000c02", service: "x", op: "a", start: 10, duration: 5 },
      { id: "0000000000000c02", parent: "0000000000000c01", service: "x", op: "b", start: 11, duration: 5 },
    ];
    const problems = problemsOf(jaegerDoc(spans));
    expect(problems).toMatchObject([{ severity: "error", code: "TRACE_CYCLE", jsonPath: "data[0].spans[2].references[0]" }]);
    expect(problems[0]!.message).toContain("0000000000000c01 → 0000000000000c02 → 0000000000000c01");
    // A span that is its own parent is the smallest cycle.
    const self = problemsOf(jaegerDoc([{ id: "0000000000000001", parent: "0000000000000001", service: "x", op: "a", start: 0, duration: 1 }]));
    expect(self.map((p) => p.code)).toEqual(["TRACE_CYCLE"]);
  });

  it("TRACE_NEGATIVE_DURATION in both formats, at the field that holds it", () => {
    const spans = SHOP.map((s, i) => (i === 1 ? { ...s, duration: -5 } : s));
    expect(problemsOf(jaegerDoc(spans))).toMatchObject([{ code: "TRACE_NEGATIVE_DURATION", jsonPath: "data[0].spans[1].duration" }]);
    // In OTLP the checkout service is resource 1, its one span is spans[0].
    expect(problemsOf(otlpDoc(spans))).toMatchObject([{ code: "TRACE_NEGATIVE_DURATION", jsonPath: "resourceSpans[1].scopeSpans[0].spans[0].endTimeUnixNano" }]);
  });

  it("TRACE_EMPTY for no traces or no spans", () => {
    expect(problemsOf({ data: [] })).toMatchObject([{ code: "TRACE_EMPTY", jsonPath: "data" }]);
    expect(problemsOf({ data: [{ traceID: "a", spans: [], processes: {} }] })).toMatchObject([{ code: "TRACE_EMPTY", jsonPath: "data[0].spans" }]);
    expect(problemsOf({ resourceSpans: [] })).toMatchObject([{ code: "TRACE_EMPTY", jsonPath: "resourceSpans" }]);
  });

  it("TRACE_SCHEMA names the JSON path of a malformed field", () => {
    const spans = Array.from({ length: 13 }, (_, i) => ({ id: `s${i}`, parent: i ? "s0" : undefined, service: "x", op: "o", start: i, duration: 1 }));
    const doc = jaegerDoc(spans) as { data: { spans: { references: { refType: string }[] }[] }[] };
    doc.data[0]!.spans[12]!.references[0]!.refType = "PARENT_OF";
    const problems = problemsOf(doc);
    expect(problems).toMatchObject([{ code: "TRACE_SCHEMA", jsonPath: "data[0].spans[12].references[0].refType" }]);
    expect(problems[0]!.message).toContain(`${FILE}: data[0].spans[12].references[0].refType:`);
  });

  it("TRACE_UNKNOWN_FORMAT for JSON that is neither format", () => {
    expect(problemsOf({ traces: [] })).toMatchObject([{ code: "TRACE_UNKNOWN_FORMAT" }]);
  });
});
