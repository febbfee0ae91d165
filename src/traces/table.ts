// Text alternatives: the HTML tables inside each diagram's <details>, for screen readers and search.
import type { Trace } from "./model.ts";
import { esc, formatDuration } from "./svg.ts";

export interface TableSpec {
  caption: string;
  head: string[];
  /** Cells are plain text; they are escaped here. */
  rows: string[][];
}

/**
 * The table inside its scrolling box. A span table is taller and wider than the column, so the box
 * scrolls (traces.css); a box that scrolls must take keyboard focus and have a name (WCAG 2.1.1),
 * and its name is the table's caption. It is a named group, like the diagram's own `.trace-scroll`,
 * not a `region`: a landmark per table would crowd the page's landmarks, and two diagrams of one
 * trace on a page have the same caption, which landmarks may not share.
 */
export function htmlTable(t: TableSpec): string {
  const head = t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n");
  return [
    `<div class="trace-alt__scroll" tabindex="0" role="group" aria-label="${esc(t.caption)}">`,
    `<table class="trace-table">\n<caption>${esc(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`,
    `</div>`,
  ].join("\n");
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
