// The `{% tracegraph %}` service dependency graph: services as nodes, calls as counted edges, top-down.
import path from "node:path";
import type { Trace } from "./model.ts";
import { legend } from "./legend.ts";
import { CHAR_W, defs, diagramId, errorIcon, esc, figure, num, plural, serviceClasses, truncate } from "./svg.ts";
import { spanTable } from "./table.ts";

export interface ServiceEdge {
  from: string;
  to: string;
  /** Spans of `to` whose parent span belongs to `from`. */
  calls: number;
  errors: number;
}

export interface ServiceNode {
  service: string;
  spans: number;
  errors: number;
  /** The most calls between a root span and a span of this service (0 for the root's service). */
  layer: number;
}

/** Nodes and edges of the service graph, sorted by layer then name (edges by caller, then callee). */
export function serviceGraph(trace: Trace): { nodes: ServiceNode[]; edges: ServiceEdge[] } {
  const nodes = new Map<string, ServiceNode>(trace.services.map((s) => [s, { service: s, spans: 0, errors: 0, layer: Infinity }]));
  const edges = new Map<string, ServiceEdge>();
  for (const s of trace.spans) {
    const node = nodes.get(s.service)!;
    node.spans++;
    if (s.error) node.errors++;
    // Calls inside one service are not dependencies.
    if (!s.parent || s.parent.service === s.service) continue;
    const key = `${s.parent.service}\u0000${s.service}`;
    const edge = edges.get(key) ?? { from: s.parent.service, to: s.service, calls: 0, errors: 0 };
    edge.calls++;
    if (s.error) edge.errors++;
    edges.set(key, edge);
  }
  const sortedEdges = [...edges.values()].sort((a, b) => (a.from + "\u0000" + a.to < b.from + "\u0000" + b.to ? -1 : 1));

  // Layer = the most service hops from a root to any span of the service, so a shared backend (the
  // database) sits below every service that calls it. Bounded by the tree depth, so cycles are harmless.
  const hops = new Map<string, number>();
  for (const s of trace.spans) {
    const h = s.parent ? hops.get(s.parent.id)! + (s.parent.service === s.service ? 0 : 1) : 0;
    hops.set(s.id, h);
    const node = nodes.get(s.service)!;
    node.layer = node.layer === Infinity ? h : Math.max(node.layer, h);
  }
  // A service seen both high and low (A → B → C → B) can leave a layer empty: close the gaps.
  const used = [...new Set([...nodes.values()].map((n) => n.layer))].sort((a, b) => a - b);
  const rank = new Map(used.map((l, i) => [l, i]));
  for (const n of nodes.values()) n.layer = rank.get(n.layer)!;
  return { nodes: [...nodes.values()].sort((a, b) => a.layer - b.layer || (a.service < b.service ? -1 : 1)), edges: sortedEdges };
}

const G = { nodeW: 184, nodeH: 48, gapX: 32, layerGap: 76, margin: 16 } as const;

export function renderServiceGraph(trace: Trace, opts: { id?: string } = {}): string {
  const id = opts.id ?? diagramId("graph", trace.file, trace.traceId);
  const { nodes, edges } = serviceGraph(trace);
  const colours = serviceClasses(trace.services);

  // Order each layer by the mean position of its callers (fewer crossings), then by name.
  const layers: ServiceNode[][] = [];
  for (const n of nodes) (layers[n.layer] ??= []).push(n);
  const pos = new Map<string, number>();
  const callers = new Map<string, string[]>();
  for (const e of edges) callers.set(e.to, [...(callers.get(e.to) ?? []), e.from]);
  for (const layer of layers) {
    const key = (n: ServiceNode) => {
      const ps = (callers.get(n.service) ?? []).map((c) => pos.get(c)).filter((p): p is number => p !== undefined);
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
    };
    layer.sort((a, b) => key(a) - key(b) || (a.service < b.service ? -1 : 1));
    layer.forEach((n, i) => pos.set(n.service, i));
  }
  const widest = Math.max(...layers.map((l) => l.length));
  const width = Math.max(widest * (G.nodeW + G.gapX) - G.gapX + 2 * G.margin, 480);
  // Layers start at the left edge: on a phone the root is in view before any scrolling.
  const cx = (s: string) => G.margin + G.nodeW / 2 + pos.get(s)! * (G.nodeW + G.gapX);
  const top = (n: ServiceNode) => G.margin + n.layer * (G.nodeH + G.layerGap);
  const byName = new Map(nodes.map((n) => [n.service, n]));

  const out: string[] = [defs(id), `<g class="trace-edges">`];
  for (const e of edges) {
    const a = byName.get(e.from)!;
    const b = byName.get(e.to)!;
    let p: [number, number][];
    if (b.layer > a.layer) {
      const [x0, y0, x3, y3] = [cx(e.from), top(a) + G.nodeH, cx(e.to), top(b)];
      p = [[x0, y0], [x0, (y0 + y3) / 2], [x3, (y0 + y3) / 2], [x3, y3]];
    } else {
      // A call back up (or across) the layers: leave and enter on the right, bulging outwards.
      const [x0, y0, x3, y3] = [cx(e.from) + G.nodeW / 2, top(a) + G.nodeH / 2, cx(e.to) + G.nodeW / 2, top(b) + G.nodeH / 2];
      p = [[x0, y0], [x0 + 40, y0], [x3 + 40, y3], [x3, y3]];
    }
    const d = `M${num(p[0]![0])} ${num(p[0]![1])}C${p.slice(1).map(([x, y]) => `${num(x)} ${num(y)}`).join(" ")}`;
    const mx = (p[0]![0] + 3 * p[1]![0] + 3 * p[2]![0] + p[3]![0]) / 8;
    const my = (p[0]![1] + 3 * p[1]![1] + 3 * p[2]![1] + p[3]![1]) / 8;
    const label = `${plural(e.calls, "call")}${e.errors ? `, ${plural(e.errors, "error")}` : ""}`;
    const lw = [...label].length * CHAR_W + 10;
    out.push(
      `<g class="trace-edge${e.errors ? " trace-edge--error" : ""}" data-from="${esc(e.from)}" data-to="${esc(e.to)}" data-calls="${e.calls}">` +
        `<title>${esc(`${e.from} → ${e.to}: ${label}`)}</title>` +
        `<path class="trace-edge-line" d="${d}" marker-end="url(#${id}-arrow)"/>` +
        `<rect class="trace-edge-label-bg" x="${num(mx - lw / 2)}" y="${num(my - 9)}" width="${num(lw)}" height="18" rx="9"/>` +
        `<text class="trace-edge-label" x="${num(mx)}" y="${num(my + 4)}" text-anchor="middle">${esc(label)}</text></g>`,
    );
  }
  out.push(`</g>`, `<g class="trace-nodes">`);
  for (const n of nodes) {
    const x = cx(n.service) - G.nodeW / 2;
    const y = top(n);
    const meta = `${plural(n.spans, "span")}${n.errors ? ` · ${plural(n.errors, "error")}` : ""}`;
    out.push(
      `<g class="trace-node${n.errors ? " trace-node--error" : ""}" data-service="${esc(n.service)}">` +
        `<title>${esc(`${n.service}: ${meta}`)}</title>` +
        `<rect class="trace-node-box" x="${num(x)}" y="${y}" width="${G.nodeW}" height="${G.nodeH}" rx="6"/>` +
        `<rect class="trace-node-stripe ${colours.get(n.service)}" x="${num(x)}" y="${y}" width="8" height="${G.nodeH}" rx="3"/>` +
        `<text class="trace-node-name" x="${num(x + 16)}" y="${y + 20}">${esc(truncate(n.service, 22))}</text>` +
        `<text class="trace-node-meta" x="${num(x + 16)}" y="${y + 37}">${esc(meta)}</text>` +
        (n.errors ? errorIcon(x + G.nodeW - 14, y + 14) : "") +
        `</g>`,
    );
  }
  out.push(`</g>`);
  const graphBottom = G.margin + layers.length * (G.nodeH + G.layerGap) - G.layerGap;
  const leg = legend(trace.services.map((s) => ({ kind: "swatch" as const, cls: colours.get(s)!, label: s })), graphBottom + 16, width);
  out.push(leg.svg);

  const name = path.basename(trace.file);
  const calls = edges.reduce((n, e) => n + e.calls, 0);
  const sentences = edges.slice(0, 20).map((e) => `${e.from} calls ${e.to} ${e.calls === 1 ? "once" : `${e.calls} times`}${e.errors ? ` (${plural(e.errors, "error")})` : ""}`);
  return figure({
    id,
    kind: "graph",
    title: `Service dependencies of trace ${trace.traceId}`,
    desc: `${plural(nodes.length, "service")}, top-down from ${layers[0]!.map((n) => n.service).join(", ")}. ${sentences.join("; ")}${edges.length > 20 ? "; …" : ""}.`,
    width,
    height: graphBottom + 16 + leg.height + 8,
    body: out.join("\n"),
    caption: `${name}: ${plural(nodes.length, "service")}, ${plural(calls, "call")} between services.`,
    scrollLabel: `Service dependency graph of ${name}; scrolls sideways`,
    summary: `Calls between services in ${name}, and its spans, as tables`,
    tables: [
      {
        caption: "Calls between services",
        head: ["Caller", "Callee", "Calls", "Errors"],
        rows: edges.map((e) => [e.from, e.to, String(e.calls), String(e.errors)]),
      },
      spanTable(trace),
    ],
  });
}
