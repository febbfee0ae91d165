import { describe, expect, it } from "vitest";
import { criticalPath, criticalSpanIds } from "../../src/traces/critical-path.ts";
import { parseTraceText } from "../../src/traces/load.ts";
import type { Trace } from "../../src/traces/model.ts";
import { EPOCH_US, jaegerDoc, otlpDoc, SHOP, type SpecSpan } from "./fixtures.ts";

function load(doc: unknown): Trace {
  const r = parseTraceText(JSON.stringify(doc), "t.json");
  expect(r.problems).toEqual([]);
  return r.trace!;
}

/** What a reader of the model cares about, without object identity. */
const summary = (t: Trace) =>
  t.spans.map((s) => ({ id: s.id, parent: s.parent?.id, service: s.service, op: s.operation, start: s.start, duration: s.duration, depth: s.depth, error: s.error, kind: s.tags["span.kind"] }));

describe("trace model", () => {
  it("reads Jaeger JSON and OTLP JSON into the same model", () => {
    const j = load(jaegerDoc(SHOP));
    const o = load(otlpDoc(SHOP));
    expect(summary(o)).toEqual(summary(j));
    expect(o.services).toEqual(["checkout", "frontend", "inventory", "payment", "postgres"]);
    expect(j.start).toBe(EPOCH_US);
    expect(j.end - j.start).toBe(1000);
  });

  it("marks errors from the error tag and from OTLP's error status", () => {
    for (const t of [load(jaegerDoc(SHOP)), load(otlpDoc(SHOP))]) {
      expect(t.spans.filter((s) => s.error).map((s) => s.id)).toEqual(["00000000000000e5"]);
    }
  });

  it("builds the tree: parents before children, siblings by start time, depth from the root", () => {
    // Given out of order on purpose: the file order must not matter.
    const shuffled = [SHOP[4]!, SHOP[2]!, SHOP[0]!, SHOP[3]!, SHOP[1]!];
    const t = load(jaegerDoc(shuffled));
    expect(t.spans.map((s) => [s.operation, s.depth])).toEqual([
      ["POST /api/checkout", 0],
      ["PlaceOrder", 1],
      ["ReserveItem", 2],
      ["UPDATE shop.stock", 3],
      ["Charge", 2],
    ]);
    expect(t.roots.map((s) => s.id)).toEqual(["00000000000000a1"]);
    expect(t.byId.get("00000000000000b2")!.children.map((c) => c.operation)).toEqual(["ReserveItem", "Charge"]);
  });

  it("converts OTLP nanoseconds exactly, including sub-microsecond durations", () => {
    const doc = otlpDoc([{ id: "aa", service: "s", op: "o", start: 0, duration: 10 }]) as { resourceSpans: { scopeSpans: { spans: { endTimeUnixNano: string }[] }[] }[] };
    const span = doc.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    span.endTimeUnixNano = (BigInt(span.endTimeUnixNano) + 500n).toString();
    expect(load(doc).spans[0]!.duration).toBeCloseTo(10.5, 9);
  });
});

describe("critical path (Jaeger's algorithm)", () => {
  const tree = (spans: Omit<SpecSpan, "service">[]) => load(jaegerDoc(spans.map((s) => ({ ...s, service: "svc" }))));

  it("walks back through the last-finishing child, then the one that ended before it started", () => {
    const t = tree([
      { id: "r", op: "root", start: 0, duration: 100 },
      { id: "a", parent: "r", op: "a", start: 10, duration: 30 },
      { id: "b", parent: "r", op: "b", start: 50, duration: 40 },
    ]);
    const rel = criticalPath(t).map((s) => [s.spanId, s.start - EPOCH_US, s.end - EPOCH_US]);
    expect(rel).toEqual([
      ["r", 90, 100],
      ["b", 50, 90],
      ["r", 40, 50],
      ["a", 10, 40],
      ["r", 0, 10],
    ]);
  });

  it("skips a child that overlaps the one on the path", () => {
    const t = tree([
      { id: "r", op: "root", start: 0, duration: 100 },
      { id: "a", parent: "r", op: "a", start: 10, duration: 70 },
      { id: "b", parent: "r", op: "b", start: 20, duration: 40 },
    ]);
    expect([...criticalSpanIds(criticalPath(t))].sort()).toEqual(["a", "r"]);
  });

  it("clips a child that outlives its parent to the parent's end", () => {
    const t = tree([
      { id: "r", op: "root", start: 0, duration: 50 },
      { id: "a", parent: "r", op: "async", start: 10, duration: 80 },
    ]);
    const rel = criticalPath(t).map((s) => [s.spanId, s.start - EPOCH_US, s.end - EPOCH_US]);
    expect(rel).toEqual([
      ["a", 10, 50],
      ["r", 0, 10],
    ]);
  });

  it("covers the root's whole duration exactly once on a sequential chain", () => {
    const t = load(jaegerDoc(SHOP));
    const sections = criticalPath(t);
    expect(sections.reduce((n, s) => n + s.end - s.start, 0)).toBe(1000);
    expect([...criticalSpanIds(sections)].sort()).toEqual(["00000000000000a1", "00000000000000b2", "00000000000000c3", "00000000000000d4", "00000000000000e5"]);
  });

  it("stays linear on a wide fan-out (10,000 sequential children)", () => {
    const spans: Omit<SpecSpan, "service">[] = [{ id: "root", op: "root", start: 0, duration: 20_001 }];
    for (let i = 0; i < 10_000; i++) spans.push({ id: `c${i}`, parent: "root", op: "q", start: 1 + 2 * i, duration: 1 });
    const sections = criticalPath(tree(spans));
    expect(criticalSpanIds(sections).size).toBe(10_001);
  });
});
