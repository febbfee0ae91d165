// The legend drawn under each diagram: colour swatches and markers, flowed into rows.
import { CHAR_W, errorIcon, esc, num } from "./svg.ts";

export type LegendItem =
  | { kind: "swatch"; cls: string; label: string; symbol?: string }
  | { kind: "error"; label: string; hatch: string }
  | { kind: "critical"; label: string }
  | { kind: "highlight"; label: string };

const ROW = 22;

/** Legend at `top`, wrapping at `width`. Returns the SVG and the height it takes. */
export function legend(items: readonly LegendItem[], top: number, width: number): { svg: string; height: number } {
  const out: string[] = [`<g class="trace-legend">`];
  let x = 8;
  let y = top;
  for (const item of items) {
    const text = "symbol" in item && item.symbol ? `${item.symbol} ${item.label}` : item.label;
    const mw = item.kind === "error" ? 36 : 20;
    const w = mw + [...text].length * CHAR_W + 18;
    if (x + w > width && x > 8) {
      x = 8;
      y += ROW;
    }
    out.push(`<g class="trace-legend-item trace-legend-item--${item.kind}">${marker(item, x, y)}<text class="trace-legend-label" x="${num(x + mw)}" y="${num(y + 11)}">${esc(text)}</text></g>`);
    x += w;
  }
  out.push(`</g>`);
  return { svg: out.join(""), height: items.length ? y - top + ROW : 0 };
}

function marker(item: LegendItem, x: number, y: number): string {
  switch (item.kind) {
    case "swatch":
      return `<rect class="trace-swatch ${item.cls}" x="${num(x)}" y="${num(y)}" width="14" height="14" rx="2"/>`;
    case "error":
      return `${errorIcon(x + 6, y + 7)}<rect class="trace-swatch trace-swatch--plain" x="${num(x + 16)}" y="${num(y)}" width="14" height="14" rx="2"/><rect x="${num(x + 16)}" y="${num(y)}" width="14" height="14" fill="url(#${item.hatch})"/>`;
    case "critical":
      return `<rect class="trace-swatch trace-swatch--plain" x="${num(x)}" y="${num(y)}" width="14" height="14" rx="2"/><rect class="trace-cp" x="${num(x)}" y="${num(y + 5)}" width="14" height="4"/>`;
    case "highlight":
      return `<rect class="trace-hl-swatch" x="${num(x)}" y="${num(y)}" width="14" height="14"/><rect class="trace-hl-mark" x="${num(x)}" y="${num(y)}" width="4" height="14"/>`;
  }
}
