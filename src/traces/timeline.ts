// The `{% trace %}` waterfall: one row per span in tree order, bars on a shared time axis.
import path from "node:path";
import { criticalPath, type CriticalSection } from "./critical-path.ts";
import type { Span, Trace } from "./model.ts";
import { legend, type LegendItem } from "./legend.ts";
import { spanTable, startOffset } from "./table.ts";
import {
  CHAR_W, defs, diagramId, errorIcon, esc, figure, formatDuration, num, plural, serviceClasses, tickStep, truncate,
} from "./svg.ts";

export interface TimelineOptions {
  /** Element id prefix; default: derived from the trace file and trace id. */
  id?: string;
  /** Show this many levels of the tree (1 = roots only); deeper spans are folded into their ancestor. */
  collapse?: number;
  /** Span ids to mark. */
  highlight?: readonly string[];
  /** Mark the spans and stretches of time on the critical path. */
  criticalPath?: boolean;
}

// Geometry, in px. The SVG keeps this width on every screen, so its text never shrinks: it fits the
// article column on a desktop (about 615 px) and its wrapper scrolls sideways on a phone.
export const TIMELINE = {
  width: 600,
  labelWidth: 232,
  barX0: 240,
  barX1: 526,
  rowHeight: 36,
  axisHeight: 32,
  indent: 12,
  maxIndentLevels: 10,
} as const;


/** Render the waterfall as a complete `<figure>`. Pure and deterministic: the benchmark times this. */
export function renderTimeline(trace: Trace, opts: TimelineOptions = {}): string {
  const T = TIMELINE;
  const id = opts.id ?? diagramId("timeline", trace.file, trace.traceId);
  const levels = opts.collapse !== undefined && opts.collapse > 0 ? opts.collapse : Infinity;
  const highlight = new Set(opts.highlight ?? []);
  const sections: CriticalSection[] = opts.criticalPath ? criticalPath(trace) : [];
  const sectionsBySpan = new Map<string, CriticalSection[]>();
  for (const s of sections) sectionsBySpan.set(s.spanId, [...(sectionsBySpan.get(s.spanId) ?? []), s]);
  const colours = serviceClasses(trace.services);

  const total = Math.max(trace.end - trace.start, 1);
  const scale = (T.barX1 - T.barX0) / total;
  const x = (us: number) => T.barX0 + (us - trace.start) * scale;

  // Hidden descendants per visible span, counted bottom-up in one pass over the tree order.
  const hidden = new Map<Span, number>();
  if (levels !== Infinity) {
    for (let i = trace.spans.length - 1; i >= 0; i--) {
      const s = trace.spans[i]!;
      if (s.parent && s.depth >= levels) hidden.set(s.parent, (hidden.get(s.parent) ?? 0) + (hidden.get(s) ?? 0) + 1);
    }
  }
  const rows = trace.spans.filter((s) => s.depth < levels);
  const rowsBottom = T.axisHeight + rows.length * T.rowHeight;

  const out: string[] = [defs(id)];

  // Axis: ticks at 1/2/5 steps, with grid lines through every row.
  const step = tickStep(total);
  out.push(`<g class="trace-axis">`);
  for (let i = 0; i * step <= total + step * 1e-9; i++) {
    const tx = x(trace.start + i * step);
    const anchor = i === 0 ? "start" : tx > T.barX1 - 20 ? "end" : "middle";
    out.push(
      `<line class="trace-tick" x1="${num(tx)}" y1="${T.axisHeight - 6}" x2="${num(tx)}" y2="${rowsBottom}"/>` +
        `<text class="trace-tick-label" x="${num(tx)}" y="${T.axisHeight - 12}" text-anchor="${anchor}">${i === 0 ? "0" : esc(formatDuration(i * step))}</text>`,
    );
  }
  out.push(`</g>`);

  rows.forEach((s, i) => {
    const y = T.axisHeight + i * T.rowHeight;
    const onPath = sectionsBySpan.get(s.id);
    const cls = ["trace-row", s.error && "trace-row--error", onPath && "trace-row--critical", highlight.has(s.id) && "trace-row--highlight"]
      .filter(Boolean)
      .join(" ");
    const indent = Math.min(s.depth, T.maxIndentLevels) * T.indent;
    let labelX = 8 + indent;
    const folded = hidden.get(s);
    const tooltip = `${s.operation} (${s.service}): ${formatDuration(s.duration)}, starts at ${startOffset(trace, s.start)}${s.error ? ", error" : ""}`;
    const parts = [
      `<g class="${cls}" data-span-id="${esc(s.id)}">`,
      `<title>${esc(tooltip)}</title>`,
      `<rect class="trace-row-bg${i % 2 ? " trace-row-bg--alt" : ""}" x="0" y="${y}" width="${T.width}" height="${T.rowHeight}"/>`,
    ];
    if (highlight.has(s.id)) parts.push(`<rect class="trace-hl-mark" x="0" y="${y}" width="4" height="${T.rowHeight}"/>`);
    if (s.error) {
      parts.push(errorIcon(labelX + 6, y + 12));
      labelX += 16;
    }
    const room = Math.floor((T.labelWidth - labelX) / CHAR_W);
    const second = [s.service, s.error ? "error" : "", folded ? `+${plural(folded, "hidden span")}` : ""].filter(Boolean).join(" · ");
    parts.push(
      `<text class="trace-op" x="${labelX}" y="${y + 16}">${esc(truncate(s.operation, room))}</text>`,
      `<text class="trace-svc" x="${labelX}" y="${y + 30}">${esc(truncate(second, Math.floor(room * 1.1)))}</text>`,
    );
    const bx = x(s.start);
    const bw = Math.max(s.duration * scale, 1);
    parts.push(`<rect class="trace-bar ${colours.get(s.service)}" x="${num(bx)}" y="${y + 9}" width="${num(bw)}" height="18" rx="2"/>`);
    if (s.error) parts.push(`<rect class="trace-bar-hatch" x="${num(bx)}" y="${y + 9}" width="${num(bw)}" height="18" fill="url(#${id}-hatch)"/>`);
    for (const sec of onPath ?? []) {
      parts.push(`<rect class="trace-cp" x="${num(x(sec.start))}" y="${y + 16}" width="${num(Math.max((sec.end - sec.start) * scale, 1))}" height="4"/>`);
    }
    parts.push(`<text class="trace-dur" x="${num(bx + bw + 4)}" y="${y + 22}">${esc(formatDuration(s.duration))}</text>`, `</g>`);
    out.push(parts.join(""));
  });

  const items: LegendItem[] = trace.services.map((svc) => ({ kind: "swatch", cls: colours.get(svc)!, label: svc }));
  if (trace.spans.some((s) => s.error)) items.push({ kind: "error", label: "error span (hatched)", hatch: `${id}-hatch` });
  if (opts.criticalPath) items.push({ kind: "critical", label: "critical path" });
  if (highlight.size > 0) items.push({ kind: "highlight", label: "highlighted" });
  const leg = legend(items, rowsBottom + 12, T.width);
  out.push(leg.svg);

  const errors = trace.spans.filter((s) => s.error);
  const root = trace.roots[0]!;
  const name = path.basename(trace.file);
  const desc =
    `Waterfall of trace ${trace.traceId} from ${name}: ${root.operation} (${root.service}) takes ${formatDuration(root.duration)}. ` +
    `${plural(trace.spans.length, "span")} in ${plural(trace.services.length, "service")}: ${trace.services.join(", ")}. ` +
    (errors.length
      ? `${plural(errors.length, "span")} with errors: ${errors.slice(0, 5).map((s) => `${s.operation} (${s.service})`).join(", ")}${errors.length > 5 ? ", …" : ""}.`
      : "No errors.");
  const notes = [
    levels !== Infinity && rows.length < trace.spans.length ? `showing ${plural(levels, "level")} (${rows.length} rows)` : "",
    opts.criticalPath ? "critical path marked" : "",
    errors.length ? plural(errors.length, "error") : "",
  ].filter(Boolean);

  return figure({
    id,
    kind: "timeline",
    title: `Trace timeline: ${root.operation} (${root.service})`,
    desc,
    width: T.width,
    height: rowsBottom + 12 + leg.height + 8,
    body: out.join("\n"),
    caption: `${name}: ${formatDuration(trace.end - trace.start)} total, ${plural(trace.spans.length, "span")}, ${plural(trace.services.length, "service")}${notes.length ? ` (${notes.join("; ")})` : ""}.`,
    scrollLabel: `Trace timeline of ${name}; scrolls sideways`,
    summary: `Spans of ${name} as a table`,
    tables: [
      spanTable(trace, opts.criticalPath ? { head: "On critical path", cell: (sid) => (sectionsBySpan.has(sid) ? "yes" : "no") } : undefined),
    ],
  });
}
