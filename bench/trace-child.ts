// Times the trace diagram for a generated N-span trace: parse (JSON → schema → model) and
// `renderTimeline`, each the median of several runs after a warm-up. Prints one JSON line.
// Usage: tsx bench/trace-child.ts SPANS [RUNS]
import { parseTraceText } from "../src/traces/load.ts";
import { renderTimeline } from "../src/traces/timeline.ts";
import { prng } from "../scripts/generate-traces.ts";
import { median } from "./lib/measure.ts";

const SERVICES = ["frontend", "checkout", "payment", "inventory", "shipping", "email", "cart", "currency"];

/** A Jaeger JSON trace of `n` spans: a tree (each span's parent is an earlier span), eight services, some errors. */
export function jaegerTrace(n: number, seed = 7): string {
  const rand = prng(seed);
  const traceID = "5b8aa5a2d2c872e8321cf37308d69df2";
  const start = 1_715_679_360_000_000;
  const spans: { spanID: string; start: number; duration: number; parent?: string }[] = [];
  for (let i = 0; i < n; i++) {
    const parent = i === 0 ? undefined : spans[Math.floor(rand() * Math.min(i, 1 + i / 2))]!;
    const pStart = parent?.start ?? start;
    const pDur = parent?.duration ?? 10_000_000;
    const offset = Math.floor(rand() * pDur * 0.5);
    const duration = Math.max(1, Math.floor((pDur - offset) * (0.2 + rand() * 0.7)));
    spans.push({ spanID: (i + 1).toString(16).padStart(16, "0"), start: pStart + offset, duration, parent: parent?.spanID });
  }
  return JSON.stringify({
    data: [
      {
        traceID,
        spans: spans.map((s, i) => ({
          traceID,
          spanID: s.spanID,
          operationName: `op-${i % 50}`,
          references: s.parent ? [{ refType: "CHILD_OF", traceID, spanID: s.parent }] : [],
          startTime: s.start,
          duration: s.duration,
          tags: i % 97 === 5 ? [{ key: "error", type: "bool", value: true }] : [{ key: "span.kind", type: "string", value: "server" }],
          processID: `p${i % SERVICES.length}`,
        })),
        processes: Object.fromEntries(SERVICES.map((name, i) => [`p${i}`, { serviceName: name, tags: [] }])),
      },
    ],
  });
}

const spans = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const text = jaegerTrace(spans);
const parse: number[] = [];
const render: number[] = [];
let bytes = 0;
for (let r = -1; r < runs; r++) {
  const t0 = performance.now();
  const loaded = parseTraceText(text, "bench/trace.json");
  const t1 = performance.now();
  if (!loaded.trace) throw new Error(`trace did not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  const svg = renderTimeline(loaded.trace, { id: "bench", criticalPath: true });
  const t2 = performance.now();
  bytes = Buffer.byteLength(svg);
  if (r < 0) continue; // warm-up
  parse.push(t1 - t0);
  render.push(t2 - t1);
}
process.stdout.write(`${JSON.stringify({ spans, parseMs: median(parse), renderMs: median(render), svgBytes: bytes })}\n`);
