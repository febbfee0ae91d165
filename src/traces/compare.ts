// The `{% tracecompare %}` diagram: two traces merged into one span-structure tree, coloured as Jaeger's
// trace comparison does (only in A, only in B, in both with more or fewer calls).
import path from "node:path";
import type { Trace } from "./model.ts";
import { legend, type LegendItem } from "./legend.ts";
import { defs, diagramId, esc, figure, num, plural, truncate } from "./svg.ts";

export type CompareStatus = "only-a" | "only-b" | "more" | "fewer" | "same";

export interface CompareNode {
  /** The chain of `service: operation` from the root: spans with the same chain are merged. */
  key: string;
  service: string;
  operation: string;
  depth: number;
  countA: number;
  countB: number;
  status: CompareStatus;
  children: CompareNode[];
}

export const STATUS_TEXT: Record<CompareStatus, { symbol: string; label: string }> = {
  "only-a": { symbol: "−", label: "only in A" },
  "only-b": { symbol: "+", label: "only in B" },
  more: { symbol: "▲", label: "in both, more calls in B" },
  fewer: { symbol: "▼", label: "in both, fewer calls in B" },
  same: { symbol: "=", label: "in both, same number of calls" },
};

function status(a: number, b: number): CompareStatus {
  return b === 0 ? "only-a" : a === 0 ? "only-b" : b > a ? "more" : b < a ? "fewer" : "same";
}

/** Merge both traces by span path; roots of the result are sorted, children by service then operation. */
export function compareTraces(a: Trace, b: Trace): CompareNode[] {
  const nodes = new Map<string, CompareNode>();
  const parentOf = new Map<string, string>();
  const add = (trace: Trace, side: "countA" | "countB") => {
    const keyOf = new Map<string, string>();
    for (const s of trace.spans) {
      const parentKey = s.parent ? keyOf.get(s.parent.id)! : "";
      const key = `${parentKey}\u0001${s.service}\u0000${s.operation}`;
      keyOf.set(s.id, key);
      let node = nodes.get(key);
      if (!node) {
        node = { key, service: s.service, operation: s.operation, depth: s.depth, countA: 0, countB: 0, status: "same", children: [] };
        nodes.set(key, node);
        parentOf.set(key, parentKey);
      }
      node[side]++;
    }
  };
  add(a, "countA");
  add(b, "countB");
  const roots: CompareNode[] = [];
  for (const node of nodes.values()) {
    node.status = status(node.countA, node.countB);
    const parent = nodes.get(parentOf.get(node.key)!);
    (parent ? parent.children : roots).push(node);
  }
  const order = (x: CompareNode, y: CompareNode) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  for (const node of nodes.values()) node.children.sort(order);
  return roots.sort(order);
}

// An indented tree (like a file tree): it grows downwards only, so wide fan-outs stay readable on a phone.
const C = { boxW: 400, boxH: 38, rowH: 46, indent: 24, margin: 12 } as const;

/** Pre-order list of the merged tree, iteratively (deep traces must not overflow the stack). */
function preorder(roots: CompareNode[]): CompareNode[] {
  const out: CompareNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

export function renderCompare(a: Trace, b: Trace, opts: { id?: string } = {}): string {
  const id = opts.id ?? diagramId("compare", a.file, a.traceId, b.file, b.traceId);
  const roots = compareTraces(a, b);
  const all = preorder(roots);

  const maxDepth = Math.max(...all.map((n) => n.depth));
  const width = Math.max(2 * C.margin + Math.min(maxDepth, 12) * C.indent + C.boxW, 480);
  const left = (n: CompareNode) => C.margin + Math.min(n.depth, 12) * C.indent;
  const row = new Map<CompareNode, number>(all.map((n, i) => [n, i]));
  const top = (n: CompareNode) => C.margin + row.get(n)! * C.rowH;

  const out: string[] = [defs(id), `<g class="trace-edges">`];
  for (const n of all) {
    // Elbow connectors from the parent's left edge down to each child, as in a file tree.
    const x = left(n) + 10;
    for (const c of n.children) {
      const y1 = top(c) + C.boxH / 2;
      out.push(`<path class="trace-edge-line" d="M${num(x)} ${num(top(n) + C.boxH)}V${num(y1)}H${num(left(c))}"/>`);
    }
  }
  out.push(`</g>`, `<g class="trace-nodes">`);
  for (const n of all) {
    const [x, y] = [left(n), top(n)];
    const st = STATUS_TEXT[n.status];
    const counts = `${st.symbol} A ${n.countA} · B ${n.countB}`;
    out.push(
      `<g class="trace-cmp-node trace-cmp--${n.status}" data-status="${n.status}" data-count-a="${n.countA}" data-count-b="${n.countB}">` +
        `<title>${esc(`${n.service}: ${n.operation}; A ${plural(n.countA, "call")}, B ${plural(n.countB, "call")} (${st.label})`)}</title>` +
        `<rect class="trace-cmp-box" x="${num(x)}" y="${y}" width="${C.boxW}" height="${C.boxH}" rx="5"/>` +
        `<text class="trace-cmp-op" x="${num(x + 10)}" y="${y + 16}">${esc(truncate(n.operation, 38))}</text>` +
        `<text class="trace-cmp-svc" x="${num(x + 10)}" y="${y + 31}">${esc(truncate(n.service, 40))}</text>` +
        `<text class="trace-cmp-count" x="${num(x + C.boxW - 10)}" y="${y + 24}" text-anchor="end">${esc(counts)}</text></g>`,
    );
  }
  out.push(`</g>`);
  const bottom = C.margin + all.length * C.rowH - (C.rowH - C.boxH);
  const items: LegendItem[] = (Object.keys(STATUS_TEXT) as CompareStatus[]).map((s) => ({
    kind: "swatch",
    cls: `trace-cmp-swatch trace-cmp--${s}`,
    label: STATUS_TEXT[s].label,
    symbol: STATUS_TEXT[s].symbol,
  }));
  const leg = legend(items, bottom + 16, width);
  out.push(leg.svg);

  const [nameA, nameB] = [path.basename(a.file), path.basename(b.file)];
  const count = (s: CompareStatus) => all.filter((n) => n.status === s).length;
  const summary = `${count("only-a")} only in A, ${count("only-b")} only in B, ${count("more")} with more calls in B, ${count("fewer")} with fewer, ${count("same")} unchanged`;
  const changed = all.filter((n) => n.status !== "same").slice(0, 10);
  return figure({
    id,
    kind: "compare",
    title: `Comparison of traces: A = ${nameA}, B = ${nameB}`,
    desc:
      `Span structure of both traces merged by call path: ${summary}. ` +
      (changed.length ? `Changes: ${changed.map((n) => `${n.operation} (${n.service}) ${STATUS_TEXT[n.status].label}, A ${n.countA}, B ${n.countB}`).join("; ")}.` : "No differences."),
    width,
    height: bottom + 16 + leg.height + 8,
    body: out.join("\n"),
    caption: `A = ${nameA}, B = ${nameB}: ${plural(all.length, "span kind")}; ${summary}.`,
    scrollLabel: `Comparison of ${nameA} and ${nameB}; scrolls sideways`,
    summary: `Span structure of ${nameA} and ${nameB} as a table`,
    tables: [
      {
        caption: "Spans merged by call path, in tree order",
        head: ["Span", "Service", "Level", "Calls in A", "Calls in B", "Change"],
        rows: all.map((n) => [n.operation, n.service, String(n.depth + 1), String(n.countA), String(n.countB), STATUS_TEXT[n.status].label]),
      },
    ],
  });
}
