// Jaeger JSON and OTLP JSON → flat RawSpan lists (the tree is built by model.ts).
import type { JaegerFile, JaegerTag, OtlpAnyValue, OtlpFile, OtlpKeyValue } from "./schema.ts";
import { problemMessage, type RawSpan, type TraceProblem } from "./model.ts";

export interface Converted {
  spans: RawSpan[];
  problems: TraceProblem[];
  /** Where an empty trace is reported. */
  emptyPath: string;
}

function sortedRecord(entries: [string, string][]): Record<string, string> {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries);
}

function jaegerTags(tags: readonly JaegerTag[] | null | undefined): Record<string, string> {
  return sortedRecord((tags ?? []).map((t) => [t.key, t.value === undefined || t.value === null ? "" : String(t.value)]));
}

/** Jaeger (and OpenTelemetry's Jaeger mapping) mark errors with `error=true` or `otel.status_code=ERROR`. */
function isErrorTagged(tags: Record<string, string>): boolean {
  return tags["error"] === "true" || tags["otel.status_code"] === "ERROR";
}

const multipleTraces = (file: string, path: string): TraceProblem => ({
  severity: "warning",
  code: "TRACE_MULTIPLE",
  message: problemMessage(file, path, "the file holds more than one trace; only the first is drawn"),
  jsonPath: path,
  hint: "Export a single trace (Jaeger: open the trace, then Download → JSON).",
});

export function fromJaeger(doc: JaegerFile, file: string): Converted {
  const problems: TraceProblem[] = [];
  const trace = doc.data[0];
  if (!trace) return { spans: [], problems, emptyPath: "data" };
  if (doc.data.length > 1) problems.push(multipleTraces(file, "data[1]"));

  const spans: RawSpan[] = [];
  trace.spans.forEach((s, i) => {
    const path = `data[0].spans[${i}]`;
    const process = Object.hasOwn(trace.processes, s.processID) ? trace.processes[s.processID] : undefined;
    if (!process) {
      problems.push({
        severity: "error",
        code: "TRACE_SCHEMA",
        message: problemMessage(file, `${path}.processID`, `process "${s.processID}" is not listed in data[0].processes`),
        jsonPath: `${path}.processID`,
        hint: "Every span's processID must name an entry of `processes`; export the trace again.",
      });
      return;
    }
    // The parent is the first CHILD_OF reference inside this trace; FOLLOWS_FROM counts if it is the only one.
    const refs = (s.references ?? []).map((r, j) => ({ r, j })).filter(({ r }) => !r.traceID || r.traceID === s.traceID);
    const parentRef = refs.find(({ r }) => r.refType === "CHILD_OF") ?? refs[0];
    const tags = jaegerTags(s.tags);
    spans.push({
      id: s.spanID,
      traceId: s.traceID,
      parentId: parentRef?.r.spanID,
      parentPath: parentRef ? `${path}.references[${parentRef.j}]` : undefined,
      service: process.serviceName,
      operation: s.operationName,
      start: s.startTime,
      duration: s.duration,
      error: isErrorTagged(tags),
      tags,
      path,
      durationPath: `${path}.duration`,
    });
  });
  return { spans, problems, emptyPath: "data[0].spans" };
}

function anyValueText(v: OtlpAnyValue | undefined): string {
  if (!v) return "";
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return String(v.boolValue);
  if (v.intValue !== undefined) return String(v.intValue);
  if (v.doubleValue !== undefined) return String(v.doubleValue);
  if (v.arrayValue) return `[${(v.arrayValue.values ?? []).map(anyValueText).join(", ")}]`;
  if (v.kvlistValue) return `{${(v.kvlistValue.values ?? []).map((kv) => `${kv.key}: ${anyValueText(kv.value)}`).join(", ")}}`;
  return v.bytesValue ?? "";
}

const attrs = (list: readonly OtlpKeyValue[] | undefined): [string, string][] =>
  (list ?? []).map((kv) => [kv.key, anyValueText(kv.value)]);

// OTLP enums arrive as numbers or as their proto names; both map to Jaeger's tag spelling.
const SPAN_KINDS = ["unspecified", "internal", "server", "client", "producer", "consumer"];
function spanKind(kind: number | string | undefined): string | undefined {
  if (kind === undefined) return undefined;
  const name = typeof kind === "number" ? SPAN_KINDS[kind] : kind.replace(/^SPAN_KIND_/, "").toLowerCase();
  return name && name !== "unspecified" ? name : undefined;
}
function statusCode(code: number | string | undefined): "OK" | "ERROR" | undefined {
  if (code === 1 || code === "STATUS_CODE_OK") return "OK";
  if (code === 2 || code === "STATUS_CODE_ERROR") return "ERROR";
  return undefined;
}

/** Nanoseconds (a decimal string) → microseconds, exact to the nanosecond where a double allows. */
function nanosToMicros(ns: string | number): number {
  const big = BigInt(ns);
  return Number(big / 1000n) + Number(big % 1000n) / 1000;
}

export function fromOtlp(doc: OtlpFile, file: string): Converted {
  const problems: TraceProblem[] = [];
  const spans: RawSpan[] = [];
  let traceId: string | undefined;
  let otherTracePath: string | undefined;
  doc.resourceSpans.forEach((rs, r) => {
    const resource = Object.fromEntries(attrs(rs.resource?.attributes));
    const service = resource["service.name"] || "unknown_service";
    rs.scopeSpans.forEach((ss, sc) => {
      ss.spans.forEach((s, i) => {
        const path = `resourceSpans[${r}].scopeSpans[${sc}].spans[${i}]`;
        const id = s.traceId.toLowerCase();
        traceId ??= id;
        if (id !== traceId) {
          otherTracePath ??= `${path}.traceId`;
          return;
        }
        const tags = attrs(s.attributes);
        const kind = spanKind(s.kind);
        const status = statusCode(s.status?.code);
        if (kind) tags.push(["span.kind", kind]);
        if (status) tags.push(["otel.status_code", status]);
        if (s.status?.message) tags.push(["otel.status_description", s.status.message]);
        const record = sortedRecord(tags);
        const start = nanosToMicros(s.startTimeUnixNano);
        const parent = s.parentSpanId ? s.parentSpanId.toLowerCase() : undefined;
        spans.push({
          id: s.spanId.toLowerCase(),
          traceId: id,
          parentId: parent,
          parentPath: parent ? `${path}.parentSpanId` : undefined,
          service,
          operation: s.name,
          start,
          duration: nanosToMicros(s.endTimeUnixNano) - start,
          error: isErrorTagged(record),
          tags: record,
          path,
          durationPath: `${path}.endTimeUnixNano`,
        });
      });
    });
  });
  if (otherTracePath) problems.push(multipleTraces(file, otherTracePath));
  return { spans, problems, emptyPath: "resourceSpans" };
}
