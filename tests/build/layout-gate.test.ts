// Pages go through their layouts a few at a time (src/build/layout-gate.ts): the gate never runs more
// than its size, runs everything in order, survives a failing task, and on a real Eleventy 3.1 build
// bounds how many pages are in their layouts at once while writing the same site.
import { describe, expect, it } from "vitest";
import { Gate, gateLayouts } from "../../src/build/layout-gate.ts";
import { onTemplateMap } from "../../src/build/template-map.ts";
import { manifest, stockEleventy } from "../helpers/site.ts";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("a gate", () => {
  it("runs at most its size at once, in the order the tasks came, and returns what each returns", async () => {
    const gate = new Gate(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gate.run(async () => {
          started.push(i);
          most = Math.max(most, ++running);
          await tick();
          running--;
          return i * 2;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it("frees the slot of a task that fails, and passes its error on", async () => {
    const gate = new Gate(1);
    const failed = gate.run(async () => {
      throw new Error("layout failed");
    });
    const next = gate.run(async () => "next ran");
    await expect(failed).rejects.toThrow("layout failed");
    await expect(next).resolves.toBe("next ran");
  });

  it("lets the event loop turn before the next task starts, so I/O callbacks run between pages", async () => {
    const gate = new Gate(1);
    const log: string[] = [];
    await Promise.all([
      gate.run(async () => void setImmediate(() => log.push("write finished"))),
      gate.run(async () => void log.push("next page")),
    ]);
    expect(log).toEqual(["write finished", "next page"]);
  });

  it("needs room for one task at least", () => {
    expect(() => new Gate(0)).toThrow(RangeError);
  });
});

describe("gated layouts on an Eleventy build", () => {
  const pages = Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [`p${i}.md`, `---\nlayout: page.njk\ntitle: Page ${i}\n---\nText of page ${i}.\n`]),
  );
  const files = {
    ...pages,
    "_includes/page.njk": "---\nlayout: base.njk\n---\n<article><h1>{{ title }}</h1>{{ content | safe }}</article>\n",
    "_includes/base.njk": "<!doctype html><title>{{ title }}</title><main>{{ content | safe }}</main>\n",
  };

  /** Build the site; `most` is the largest number of pages in their layouts at any moment. */
  async function buildSite(gated: boolean) {
    const { eleventy, out } = await stockEleventy(files, "layout-gate-");
    let inLayouts = 0;
    let most = 0;
    // Counted inside the gate: this wraps each template's own method before the gate does.
    onTemplateMap(eleventy, (map) => {
      for (const entry of map) {
        const template = entry.template as { renderPageEntry: (p: unknown) => Promise<unknown> };
        const render = template.renderPageEntry;
        template.renderPageEntry = async (pageEntry) => {
          most = Math.max(most, ++inLayouts);
          try {
            return await render.call(template, pageEntry);
          } finally {
            inLayouts--;
          }
        };
      }
    });
    const installed = gated ? gateLayouts(eleventy, 2) : false;
    await eleventy.write();
    return { out, installed, most };
  }

  it("has at most its size of pages in their layouts, and writes the same site", async () => {
    const [own, gated] = [await buildSite(false), await buildSite(true)];
    expect(gated.installed).toBe(true);
    // Eleventy on its own starts every page's layouts before any finishes.
    expect(own.most).toBe(30);
    expect(gated.most).toBe(2);
    const site = await manifest(gated.out);
    expect(Object.keys(site)).toHaveLength(30);
    expect(site).toEqual(await manifest(own.out));
  });
});
