// Hand-built traces for the tests, written out in both file formats independently of the code under test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface SpecSpan {
  id: string;
  parent?: string;
  service: string;
  op: string;
  /** µs from the trace start. */
  start: number;
  duration: number;
  error?: boolean;
  kind?: "server" | "client" | "internal";
}

export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
/** 2024-01-02T03:04:05Z in µs. */
export const EPOCH_US = 1_704_164_645_000_000;

export function jaegerDoc(spans: SpecSpan[]): { data: unknown[] } {
  const services = [...new Set(spans.map((s) => s.service))];
  const pid = (svc: string) => `p${services.indexOf(svc) + 1}`;
  return {
    data: [
      {
        traceID: TRACE_ID,
        spans: spans.map((s) => ({
          traceID: TRACE_ID,
          spanID: s.id,
          operationName: s.op,
          references: s.parent ? [{ refType: "CHILD_OF", traceID: TRACE_ID, spanID: s.parent }] : [],
          startTime: EPOCH_US + s.start,
          duration: s.duration,
          tags: [
            ...(s.kind ? [{ key: "span.kind", type: "string", value: s.kind }] : []),
            ...(s.error ? [{ key: "error", type: "bool", value: true }] : []),
          ],
          logs: [],
          processID: pid(s.service),
          warnings: null,
        })),
        processes: Object.fromEntries(services.map((svc) => [pid(svc), { serviceName: svc, tags: [] }])),
        warnings: null,
      },
    ],
  };
}

const KINDS = { internal: 1, server: 2, client: 3 } as const;

export function otlpDoc(spans: SpecSpan[]): { resourceSpans: unknown[] } {
  const services = [...new Set(spans.map((s) => s.service))];
  const ns = (us: number) => `${BigInt(EPOCH_US + us) * 1000n}`;
  return {
    resourceSpans: services.map((svc) => ({
      resource: { attributes: [{ key: "service.name", value: { stringValue: svc } }] },
      scopeSpans: [
        {
          scope: { name: "test" },
          spans: spans
            .filter((s) => s.service === svc)
            .map((s) => ({
              traceId: TRACE_ID,
              spanId: s.id,
              parentSpanId: s.parent ?? "",
              name: s.op,
              ...(s.kind ? { kind: KINDS[s.kind] } : {}),
              startTimeUnixNano: ns(s.start),
              endTimeUnixNano: ns(s.start + s.duration),
              attributes: [],
              status: s.error ? { code: 2, message: "boom" } : {},
            })),
        },
      ],
    })),
  };
}

/** frontend → checkout → payment (error) + inventory → postgres; ids are 16 hex digits like real ones. */
export const SHOP: SpecSpan[] = [
  { id: "00000000000000a1", service: "frontend", op: "POST /api/checkout", start: 0, duration: 1000, kind: "server" },
  { id: "00000000000000b2", parent: "00000000000000a1", service: "checkout", op: "PlaceOrder", start: 100, duration: 800, kind: "server" },
  { id: "00000000000000c3", parent: "00000000000000b2", service: "inventory", op: "ReserveItem", start: 150, duration: 200, kind: "server" },
  { id: "00000000000000d4", parent: "00000000000000c3", service: "postgres", op: "UPDATE shop.stock", start: 200, duration: 100 },
  { id: "00000000000000e5", parent: "00000000000000b2", service: "payment", op: "Charge", start: 400, duration: 450, error: true, kind: "server" },
];

export function tempDir(prefix = "traces-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeJson(dir: string, name: string, doc: unknown): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof doc === "string" ? doc : JSON.stringify(doc, null, 2));
  return file;
}
