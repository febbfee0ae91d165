// Text alternatives: the HTML tables inside each diagram's <details>, for screen readers and search.
import type { Trace } from "./model.ts";
import { esc, formatDuration } from "./svg.ts";

export interface TableSpec {
  caption: string;
  head: string[];
  /** Cells are plain text; they are escaped here. */
  rows: string[][];
}

export function htmlTable(t: TableSpec): string {
  const head = t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table class="trace-table">\n<caption>${esc(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Offset from the trace start, in µs, as a label: `+12.4 ms`. */
export const startOffset = (trace: Trace, us: number): string => `+${formatDuration(us - trace.start)}`;

/** Every span in tree order: name, service, level, start offset, duration, error (+ extra columns). */
export function spanTable(trace: Trace, extra?: { head: string; cell: (spanId: string) => string }): TableSpec {
  const head = ["Span", "Service", "Level", "Start", "Duration", "Error"];
  if (extra) head.push(extra.head);
  return {
    caption: `Spans of trace ${trace.traceId}, in tree order`,
    head,
    rows: trace.spans.map((s) => {
      const row = [s.operation, s.service, String(s.depth + 1), startOffset(trace, s.start), formatDuration(s.duration), s.error ? "yes" : "no"];
      if (extra) row.push(extra.cell(s.id));
      return row;
    }),
  };
}
