// The one trace model both file formats become, and the checks that turn a flat span list into a tree.
import type { Severity } from "../diagnostics/diagnostic.ts";

/** A writer's mistake in a trace file: the plugin turns it into a Diagnostic at the page's tag. */
export interface TraceProblem {
  severity: Severity;
  /** Stable code, e.g. `TRACE_CYCLE`. */
  code: string;
  /** Names the trace file and the JSON path of the problem. */
  message: string;
  jsonPath?: string;
  hint: string;
}

/** A span as read from a file, before the tree is built. Times are microseconds. */
export interface RawSpan {
  id: string;
  traceId: string;
  parentId?: string;
  /** JSON path of the reference (or parentSpanId) naming the parent, for messages. */
  parentPath?: string;
  service: string;
  operation: string;
  /** Microseconds since the epoch. */
  start: number;
  /** Microseconds. */
  duration: number;
  error: boolean;
  /** Tags / attributes, values as strings, keys sorted. */
  tags: Record<string, string>;
  /** JSON path of the span itself, e.g. `data[0].spans[3]`. */
  path: string;
  /** JSON path of the field holding the duration (or end time), for negative-duration messages. */
  durationPath: string;
}

export interface Span extends RawSpan {
  parent?: Span;
  children: Span[];
  /** 0 for a root. */
  depth: number;
}

export interface Trace {
  /** The trace file as shown to writers (project-relative). */
  file: string;
  traceId: string;
  /** Every span, in tree order: parents before children, siblings by start time then id. */
  spans: Span[];
  roots: Span[];
  byId: Map<string, Span>;
  /** Microseconds since the epoch: earliest start and latest end over all spans. */
  start: number;
  end: number;
  /** Service names, sorted: the order of colours and legends. */
  services: string[];
}

/** `file: path: text`, the shape of every trace message. */
export function problemMessage(file: string, jsonPath: string | undefined, text: string): string {
  return jsonPath ? `${file}: ${jsonPath}: ${text}` : `${file}: ${text}`;
}

// A broken 10,000-span file must not produce 10,000 diagnostics: the first few say enough.
const MAX_PER_CODE = 3;

class ProblemList {
  readonly items: TraceProblem[] = [];
  readonly #counts = new Map<string, number>();
  add(p: TraceProblem): void {
    const n = (this.#counts.get(p.code) ?? 0) + 1;
    this.#counts.set(p.code, n);
    if (n <= MAX_PER_CODE) this.items.push(p);
  }
  /** Tell the writer how many were left out, on the last reported problem of each code. */
  finish(): TraceProblem[] {
    for (const [code, n] of this.#counts) {
      if (n <= MAX_PER_CODE) continue;
      const last = this.items.filter((p) => p.code === code).at(-1);
      if (last) last.message += ` (and ${n - MAX_PER_CODE} more like this)`;
    }
    return this.items;
  }
}

const bySpanOrder = (a: Span, b: Span): number => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Build the span tree. A span whose parent is missing becomes a root (warning); duplicate ids,
 * negative durations and reference cycles are errors, and then no trace is returned.
 */
export function buildTrace(raw: RawSpan[], file: string, emptyPath: string): { trace?: Trace; problems: TraceProblem[] } {
  const problems = new ProblemList();
  if (raw.length === 0) {
    problems.add({
      severity: "error",
      code: "TRACE_EMPTY",
      message: problemMessage(file, emptyPath, "the trace has no spans"),
      jsonPath: emptyPath,
      hint: "Export the trace again from Jaeger (Download → JSON) or check that the right file is referenced.",
    });
    return { problems: problems.finish() };
  }

  const byId = new Map<string, Span>();
  for (const r of raw) {
    if (r.duration < 0) {
      problems.add({
        severity: "error",
        code: "TRACE_NEGATIVE_DURATION",
        message: problemMessage(file, r.durationPath, `span ${r.id} (${r.operation}) has a negative duration (${r.duration} µs)`),
        jsonPath: r.durationPath,
        hint: "A span must end after it starts; fix the duration or end time, or export the trace again.",
      });
    }
    if (byId.has(r.id)) {
      problems.add({
        severity: "error",
        code: "TRACE_DUPLICATE_SPAN",
        message: problemMessage(file, r.path, `span id ${r.id} is used by more than one span`),
        jsonPath: r.path,
        hint: "Each span in a trace needs its own id.",
      });
      continue;
    }
    byId.set(r.id, { ...r, children: [], depth: 0 });
  }

  const roots: Span[] = [];
  for (const span of byId.values()) {
    const parent = span.parentId === undefined ? undefined : byId.get(span.parentId);
    if (span.parentId !== undefined && !parent) {
      problems.add({
        severity: "warning",
        code: "TRACE_MISSING_PARENT",
        message: problemMessage(file, span.parentPath, `span ${span.id} (${span.operation}) refers to parent ${span.parentId}, which is not in the trace; it is drawn at the root`),
        jsonPath: span.parentPath,
        hint: "The trace may be incomplete (a service that doesn't report spans); export it again once all spans have arrived.",
      });
    }
    if (parent) {
      span.parent = parent;
      parent.children.push(span);
    } else {
      span.parentId = undefined;
      roots.push(span);
    }
  }

  // Walk from the roots without recursion (real traces can be thousands deep in pathological cases).
  roots.sort(bySpanOrder);
  const ordered: Span[] = [];
  const stack: Span[] = [...roots].reverse();
  while (stack.length > 0) {
    const span = stack.pop()!;
    ordered.push(span);
    span.children.sort(bySpanOrder);
    for (let i = span.children.length - 1; i >= 0; i--) {
      const child = span.children[i]!;
      child.depth = span.depth + 1;
      stack.push(child);
    }
  }

  // Spans never reached from a root sit on (or below) a reference cycle.
  if (ordered.length < byId.size) reportCycle(byId, new Set(ordered), file, problems);

  const errors = problems.items.some((p) => p.severity === "error");
  if (errors) return { problems: problems.finish() };

  let start = Infinity;
  let end = -Infinity;
  const services = new Set<string>();
  for (const s of ordered) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.start + s.duration);
    services.add(s.service);
  }
  const trace: Trace = {
    file,
    traceId: ordered[0]!.traceId,
    spans: ordered,
    roots,
    byId,
    start,
    end,
    services: [...services].sort(),
  };
  return { trace, problems: problems.finish() };
}

function reportCycle(byId: Map<string, Span>, reached: Set<Span>, file: string, problems: ProblemList): void {
  const inCycle = new Set<Span>();
  for (const first of byId.values()) {
    if (reached.has(first) || inCycle.has(first)) continue;
    // Follow parents until a span repeats: that span starts the cycle.
    const seen = new Set<Span>();
    let s: Span | undefined = first;
    while (s && !seen.has(s) && !inCycle.has(s)) {
      seen.add(s);
      s = s.parent;
    }
    if (!s || inCycle.has(s)) continue;
    const cycle: Span[] = [];
    let c: Span = s;
    do {
      cycle.push(c);
      inCycle.add(c);
      c = c.parent!;
    } while (c !== s);
    const at = cycle.reduce((a, b) => (a.path < b.path ? a : b));
    const chain = [...cycle.map((x) => x.id), cycle[0]!.id].join(" → ");
    problems.add({
      severity: "error",
      code: "TRACE_CYCLE",
      message: problemMessage(file, at.parentPath, `spans refer to each other in a cycle (child → parent: ${chain})`),
      jsonPath: at.parentPath,
      hint: "A span's parent must not be one of its own descendants; fix the references.",
    });
  }
}
