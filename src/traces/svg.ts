// Shared pieces of every trace diagram: escaping, fixed number formats, ids, colours and the <figure> shell.
import { createHash } from "node:crypto";
import { htmlTable, type TableSpec } from "./table.ts";
import { escapeHtml } from "../layouts/escape.ts";

/** HTML and SVG text escaped, as the layouts escape it. */
export const esc = escapeHtml;

/** Coordinates with at most two decimals and no `-0`, so output bytes never depend on float noise. */
export function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Microseconds as Jaeger shows them: `850 µs`, `12.4 ms`, `1.25 s`. */
export function formatDuration(us: number): string {
  // Drop trailing zeros of the fraction only ("1.50" → "1.5", but "100" stays "100").
  const trim = (v: number, digits: number) => {
    const fixed = v.toFixed(digits);
    return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  };
  const abs = Math.abs(us);
  if (abs < 1000) return `${trim(us, abs < 10 ? 2 : 0)} µs`;
  if (abs < 1_000_000) {
    const ms = us / 1000;
    return `${trim(ms, Math.abs(ms) < 10 ? 2 : Math.abs(ms) < 100 ? 1 : 0)} ms`;
  }
  const s = us / 1_000_000;
  return `${trim(s, Math.abs(s) < 10 ? 2 : 1)} s`;
}

/** A stable element id from whatever identifies the diagram (page, tag position, trace file). */
export function diagramId(...parts: string[]): string {
  return `trace-${createHash("sha1").update(parts.join("\u0000")).digest("hex").slice(0, 10)}`;
}

/** Cut text to `max` characters with an ellipsis; SVG text doesn't wrap or clip by itself. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 length ≥ character count, so it surely fits.
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/** Rough width of 12px UI text: enough to place labels without measuring fonts at build time. */
export const CHAR_W = 7;

/** Number of service colours in traces.css (`.trace-svc-0` …); services beyond it reuse them. */
export const PALETTE_SIZE = 10;

/** Colour class per service, by sorted name, so a service has the same colour in every diagram of a trace. */
export function serviceClasses(services: readonly string[]): Map<string, string> {
  return new Map([...services].sort().map((s, i) => [s, `trace-svc-${i % PALETTE_SIZE}`]));
}

/** "Nice" tick spacing (1, 2 or 5 × 10^k) giving at most `maxTicks` intervals. */
export function tickStep(total: number, maxTicks = 6): number {
  if (total <= 0) return 1;
  const raw = total / maxTicks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

export interface FigureSpec {
  id: string;
  /** `timeline`, `graph` or `compare`. */
  kind: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  /** SVG children after <title>/<desc>. */
  body: string;
  caption: string;
  /** Label of the sideways-scrolling region. */
  scrollLabel: string;
  summary: string;
  tables: TableSpec[];
}

/**
 * The figure around every diagram: the scrolling SVG, the text alternative in a <details>, then the
 * caption. Its lines never include a blank one: the output goes through Markdown as one HTML block,
 * which a blank line would end. The SVG has a fixed pixel width and the wrapper scrolls, so on a
 * phone text stays at full size instead of shrinking.
 */
export function figure(f: FigureSpec): string {
  return [
    `<figure class="trace-diagram trace-diagram--${f.kind}" id="${f.id}">`,
    `<div class="trace-scroll" tabindex="0" role="group" aria-label="${esc(f.scrollLabel)}">`,
    `<svg xmlns="http://www.w3.org/2000/svg" class="trace-svg" width="${num(f.width)}" height="${num(f.height)}" viewBox="0 0 ${num(f.width)} ${num(f.height)}" role="img" aria-labelledby="${f.id}-title" aria-describedby="${f.id}-desc">`,
    `<title id="${f.id}-title">${esc(f.title)}</title>`,
    `<desc id="${f.id}-desc">${esc(f.desc)}</desc>`,
    f.body,
    `</svg>`,
    `</div>`,
    `<details class="trace-alt">`,
    `<summary>${esc(f.summary)}</summary>`,
    ...f.tables.map(htmlTable),
    `</details>`,
    // HTML allows a figcaption only as the first or last child of its figure.
    `<figcaption>${esc(f.caption)}</figcaption>`,
    `</figure>`,
  ].join("\n");
}

/** Shared <defs>: the hatch pattern that marks errors without relying on colour, and an arrow head. */
export function defs(id: string): string {
  return (
    `<defs>` +
    `<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect class="trace-hatch-line" width="2" height="6"/></pattern>` +
    `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
    `<path class="trace-arrow" d="M0 0L10 5L0 10z"/></marker>` +
    `</defs>`
  );
}

/** A red circle with "!" in it: errors are marked by shape and text, not by colour alone. */
export function errorIcon(x: number, y: number): string {
  return `<g class="trace-err-icon" aria-hidden="true"><circle cx="${num(x)}" cy="${num(y)}" r="6"/><text x="${num(x)}" y="${num(y + 3.5)}" text-anchor="middle">!</text></g>`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
