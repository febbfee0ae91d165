import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadTraceFile } from "../../src/traces/load.ts";
import type { Trace } from "../../src/traces/model.ts";
import { tempDir } from "./fixtures.ts";

const DIR = path.resolve("content/distributed-tracing/traces");
const load = (name: string): Trace => {
  const r = loadTraceFile(path.join(DIR, name), name);
  expect(r.problems).toEqual([]);
  return r.trace!;
};

describe("sample traces of the guide", () => {
  it("are exactly what the generator writes (regenerate with `npx tsx scripts/generate-traces.ts`)", () => {
    const out = tempDir();
    execFileSync(process.execPath, ["--import", "tsx", "scripts/generate-traces.ts", out]);
    const names = fs.readdirSync(out).sort();
    expect(names).toEqual(fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort());
    for (const n of names) expect(fs.readFileSync(path.join(out, n), "utf8"), n).toBe(fs.readFileSync(path.join(DIR, n), "utf8"));
  });

  it("checkout: frontend → checkout → payment, inventory, database and cache, with an error", () => {
    const t = load("checkout.json");
    expect(t.roots).toHaveLength(1);
    expect(t.roots[0]!.service).toBe("frontend");
    for (const svc of ["checkout", "payment", "inventory", "postgres", "redis"]) expect(t.services).toContain(svc);
    expect(t.spans.some((s) => s.error)).toBe(true);
    expect(t.spans.find((s) => s.service === "postgres")!.tags["db.system"]).toBe("postgresql");
  });

  it("the OTLP checkout reads like the Jaeger one", () => {
    const j = load("checkout.json");
    const o = load("checkout-otlp.json");
    expect(o.services).toEqual(j.services);
    expect(o.spans.map((s) => s.operation)).toEqual(j.spans.map((s) => s.operation));
  });

  it("n-plus-one: one query per order, as siblings", () => {
    const t = load("n-plus-one.json");
    const perOrder = t.spans.filter((s) => s.operation === "SELECT shop.order_items");
    expect(perOrder.length).toBeGreaterThanOrEqual(10);
    expect(new Set(perOrder.map((s) => s.parent!.id)).size).toBe(1);
  });

  it("retries: timed-out attempts end in errors and a later attempt succeeds", () => {
    const attempts = load("retries.json").spans.filter((s) => s.operation === "oteldemo.PaymentService/Charge" && s.tags["span.kind"] === "client");
    expect(attempts.map((s) => s.error)).toEqual([true, true, false]);
    // A client that gave up at its deadline is shorter than the server work behind it.
    expect(attempts[0]!.duration).toBeLessThan(attempts[0]!.children[0]!.duration);
  });

  it("error-propagation: the error reaches the root; slow-dependency: one call dominates", () => {
    expect(load("error-propagation.json").roots[0]!.error).toBe(true);
    const slow = load("slow-dependency.json");
    const calls = slow.roots[0]!.children;
    const longest = [...calls].sort((a, b) => b.duration - a.duration);
    expect(longest[0]!.duration).toBeGreaterThan(10 * longest[1]!.duration);
  });
});
