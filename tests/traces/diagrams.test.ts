import { describe, expect, it } from "vitest";
import { renderCompare } from "../../src/traces/compare.ts";
import { renderServiceGraph } from "../../src/traces/graph.ts";
import { parseTraceText } from "../../src/traces/load.ts";
import type { Trace } from "../../src/traces/model.ts";
import { renderTimeline, TIMELINE } from "../../src/traces/timeline.ts";
import { parseFragment } from "../helpers/html.ts";
import { jaegerDoc, SHOP, type SpecSpan } from "./fixtures.ts";

const load = (spans: SpecSpan[], file = "content/g/traces/shop.json"): Trace => parseTraceText(JSON.stringify(jaegerDoc(spans)), file).trace!;
const shop = load(SHOP);
const num = (el: Element | null | undefined, attr: string) => Number(el?.getAttribute(attr));

function checkAccessibleFigure(html: string) {
  const body = parseFragment(html);
  const figure = body.querySelector("figure.trace-diagram")!;
  expect(figure).not.toBeNull();
  const svg = figure.querySelector("svg")!;
  expect(svg.getAttribute("role")).toBe("img");
  const title = svg.querySelector(`#${svg.getAttribute("aria-labelledby")}`);
  const desc = svg.querySelector(`#${svg.getAttribute("aria-describedby")}`);
  expect(title?.tagName.toLowerCase()).toBe("title");
  expect(desc?.tagName.toLowerCase()).toBe("desc");
  expect(desc!.textContent!.length).toBeGreaterThan(20);
  expect(figure.querySelector("figcaption")!.textContent).toMatch(/\S/);
  // In order: the scrolling diagram, its text alternative, and the caption last (a figcaption must be first or last).
  expect([...figure.children].map((c) => c.tagName.toLowerCase() + (c.className ? `.${c.className}` : ""))).toEqual(["div.trace-scroll", "details.trace-alt", "figcaption"]);
  const scroller = figure.querySelector(".trace-scroll")!;
  expect(scroller.getAttribute("tabindex")).toBe("0");
  expect(scroller.getAttribute("aria-label")).toMatch(/scrolls sideways/);
  expect(figure.querySelector("details > summary")).not.toBeNull();
  // Each text-alternative table scrolls in a box that the keyboard can focus and that is named by the caption.
  const tables = [...figure.querySelectorAll("details table")];
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    const box = table.parentElement!;
    expect(box.matches("details.trace-alt > div.trace-alt__scroll")).toBe(true);
    expect(box.children).toHaveLength(1);
    expect(box.getAttribute("tabindex")).toBe("0");
    // A named group, not a landmark: diagrams of the same trace share captions (see table.ts).
    expect(box.getAttribute("role")).toBe("group");
    expect(box.getAttribute("aria-label")).toBe(table.querySelector("caption")!.textContent);
  }
  // Static and CSP-safe: no script, no inline style, no event handlers.
  expect(figure.querySelectorAll("script, style, [style]")).toHaveLength(0);
  for (const el of figure.querySelectorAll("*")) for (const a of el.getAttributeNames()) expect(a.startsWith("on")).toBe(false);
  // One HTML block for Markdown: a blank line would end it.
  expect(html).not.toMatch(/\n\s*\n/);
  return { figure, svg };
}

describe("timeline", () => {
  const html = renderTimeline(shop);
  const { figure, svg } = checkAccessibleFigure(html);
  const rows = [...svg.querySelectorAll("g.trace-row")];

  it("has one row per span, in tree order, labelled with name, service and duration", () => {
    expect(rows.map((r) => r.getAttribute("data-span-id"))).toEqual(shop.spans.map((s) => s.id));
    expect(rows.map((r) => r.querySelector(".trace-op")!.textContent)).toEqual(["POST /api/checkout", "PlaceOrder", "ReserveItem", "UPDATE shop.stock", "Charge"]);
    expect(rows[3]!.querySelector(".trace-svc")!.textContent).toBe("postgres");
    expect(rows.map((r) => r.querySelector(".trace-dur")!.textContent)).toEqual(["1 ms", "800 µs", "200 µs", "100 µs", "450 µs"]);
    // Indented by depth.
    const x = rows.map((r) => num(r.querySelector(".trace-op"), "x"));
    expect(x[1]! - x[0]!).toBe(TIMELINE.indent);
    expect(x[3]! - x[2]!).toBe(TIMELINE.indent);
  });

  it("places and sizes bars in proportion to start and duration", () => {
    const span = TIMELINE.barX1 - TIMELINE.barX0;
    for (const [i, s] of shop.spans.entries()) {
      const bar = rows[i]!.querySelector("rect.trace-bar")!;
      expect(num(bar, "x")).toBeCloseTo(TIMELINE.barX0 + ((s.start - shop.start) / 1000) * span, 1);
      expect(num(bar, "width")).toBeCloseTo((s.duration / 1000) * span, 1);
    }
  });

  it("has a time axis with ticks from 0 to the end", () => {
    const labels = [...svg.querySelectorAll(".trace-tick-label")].map((t) => t.textContent);
    expect(labels[0]).toBe("0");
    expect(labels.at(-1)).toBe("1 ms");
    expect(labels.length).toBeGreaterThanOrEqual(3);
  });

  it("colours bars by service, with one legend entry per service and one for errors", () => {
    const legend = [...svg.querySelectorAll(".trace-legend-item")];
    const label = (l: Element) => l.querySelector(".trace-legend-label")!.textContent;
    expect(legend.map(label)).toEqual([...shop.services, "error span (hatched)"]);
    const colourOf = (svc: string) => legend.find((l) => label(l) === svc)!.querySelector("rect")!.getAttribute("class")!.split(" ").find((c) => c.startsWith("trace-svc-"));
    for (const [i, s] of shop.spans.entries()) expect(rows[i]!.querySelector("rect.trace-bar")!.classList.contains(colourOf(s.service)!)).toBe(true);
  });

  it("marks error spans by icon, hatching and text, not by colour alone", () => {
    const err = rows[4]!;
    expect(err.classList.contains("trace-row--error")).toBe(true);
    expect(err.querySelector(".trace-err-icon")).not.toBeNull();
    expect(err.querySelector(".trace-bar-hatch")!.getAttribute("fill")).toMatch(/^url\(#trace-[0-9a-f]+-hatch\)$/);
    expect(err.querySelector(".trace-svc")!.textContent).toBe("payment · error");
    expect(rows[0]!.querySelector(".trace-err-icon")).toBeNull();
  });

  it("captions total duration, span count and service count; the table lists every span", () => {
    expect(figure.querySelector("figcaption")!.textContent).toBe("shop.json: 1 ms total, 5 spans, 5 services (1 error).");
    const cells = [...figure.querySelectorAll("details table tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(cells[4]).toEqual(["Charge", "payment", "3", "+400 µs", "450 µs", "yes"]);
    expect(cells).toHaveLength(5);
    expect([...figure.querySelectorAll("details th")].map((th) => th.textContent)).toEqual(["Span", "Service", "Level", "Start", "Duration", "Error"]);
  });

  it("collapses to a depth, highlights spans and marks the critical path", () => {
    const f = parseFragment(renderTimeline(shop, { collapse: 2, highlight: ["00000000000000b2"], criticalPath: true }));
    const r = [...f.querySelectorAll("g.trace-row")];
    expect(r.map((x) => x.querySelector(".trace-op")!.textContent)).toEqual(["POST /api/checkout", "PlaceOrder"]);
    expect(r[1]!.querySelector(".trace-svc")!.textContent).toBe("checkout · +3 hidden spans");
    expect(r[1]!.classList.contains("trace-row--highlight")).toBe(true);
    expect(r.every((x) => x.classList.contains("trace-row--critical"))).toBe(true);
    expect(f.querySelectorAll("details tbody tr")).toHaveLength(5); // the table still has every span
    expect([...f.querySelectorAll(".trace-legend-label")].map((l) => l.textContent)).toContain("critical path");
  });

  it("is deterministic: same trace, same bytes; ids differ per diagram id", () => {
    expect(renderTimeline(load(SHOP))).toBe(html);
    expect(renderTimeline(shop, { criticalPath: true })).toBe(renderTimeline(load([...SHOP].reverse()), { criticalPath: true }));
    expect(renderTimeline(shop, { id: "trace-one" })).not.toBe(renderTimeline(shop, { id: "trace-two" }));
  });
});

describe("service graph", () => {
  const { svg } = checkAccessibleFigure(renderServiceGraph(shop));

  it("draws services as nodes and cross-service calls as counted edges, top-down", () => {
    const nodes = [...svg.querySelectorAll("g.trace-node")];
    expect(nodes.map((n) => n.getAttribute("data-service")).sort()).toEqual(shop.services);
    const edges = [...svg.querySelectorAll("g.trace-edge")].map((e) => [e.getAttribute("data-from"), e.getAttribute("data-to"), e.getAttribute("data-calls")]);
    expect(edges).toEqual([
      ["checkout", "inventory", "1"],
      ["checkout", "payment", "1"],
      ["frontend", "checkout", "1"],
      ["inventory", "postgres", "1"],
    ]);
    const y = (svc: string) => num(svg.querySelector(`g.trace-node[data-service="${svc}"] rect`), "y");
    expect(y("frontend")).toBeLessThan(y("checkout"));
    expect(y("checkout")).toBeLessThan(y("payment"));
    expect(y("inventory")).toBeLessThan(y("postgres"));
  });

  it("counts repeated calls on one edge", () => {
    const spans = [...SHOP, { id: "00000000000000f6", parent: "00000000000000b2", service: "inventory", op: "ReserveItem", start: 360, duration: 20 }];
    const f = parseFragment(renderServiceGraph(load(spans)));
    const edge = f.querySelector('g.trace-edge[data-from="checkout"][data-to="inventory"]')!;
    expect(edge.getAttribute("data-calls")).toBe("2");
    expect(edge.querySelector(".trace-edge-label")!.textContent).toBe("2 calls");
  });
});

describe("trace comparison", () => {
  // B: the payment call is gone, inventory is called twice, a shipping call is new.
  const b = load(
    [
      ...SHOP.slice(0, 4),
      { id: "00000000000000f6", parent: "00000000000000b2", service: "inventory", op: "ReserveItem", start: 360, duration: 20 },
      { id: "00000000000000f7", parent: "00000000000000b2", service: "shipping", op: "GetQuote", start: 400, duration: 20 },
    ],
    "content/g/traces/shop-b.json",
  );
  const { svg, figure } = checkAccessibleFigure(renderCompare(shop, b));
  const status = (op: string) => [...svg.querySelectorAll("g.trace-cmp-node")].find((n) => n.querySelector(".trace-cmp-op")!.textContent === op)!;

  it("merges both span structures and colours them as Jaeger does", () => {
    expect(status("Charge").getAttribute("data-status")).toBe("only-a");
    expect(status("GetQuote").getAttribute("data-status")).toBe("only-b");
    expect(status("ReserveItem").getAttribute("data-status")).toBe("more");
    expect(status("ReserveItem").getAttribute("data-count-b")).toBe("2");
    // The second ReserveItem in B makes no query, so the query below it is called as often as in A.
    expect(status("UPDATE shop.stock").getAttribute("data-status")).toBe("same");
    expect(status("PlaceOrder").getAttribute("data-status")).toBe("same");
    expect(parseFragment(renderCompare(b, shop)).querySelector('g.trace-cmp-node[data-status="fewer"] .trace-cmp-op')!.textContent).toBe("ReserveItem");
  });

  it("explains the colours in a legend and in the table", () => {
    expect([...svg.querySelectorAll(".trace-legend-label")].map((l) => l.textContent)).toEqual([
      "− only in A", "+ only in B", "▲ in both, more calls in B", "▼ in both, fewer calls in B", "= in both, same number of calls",
    ]);
    const row = [...figure.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("td")!.textContent === "Charge")!;
    expect([...row.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["Charge", "payment", "3", "1", "0", "only in A"]);
  });
});
