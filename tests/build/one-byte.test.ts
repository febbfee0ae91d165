// Page strings stored one byte a character (src/build/one-byte.ts): always equal to what they
// replace, and, for Latin-1 text built from two-byte pieces, about half the memory.
//
// How a string is stored is read from V8's serializer, which tags a one-byte string `"` (0x22) and a
// two-byte one `c` (0x63, after a padding byte when needed); the memory cases measure the heap.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { oneByte } from "../../src/build/one-byte.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { buildFixture } from "../helpers/site.ts";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** A page-sized rope of Latin-1 text whose pieces are two-byte, as slices of a file with a `→` in it are. */
function twoBytePage(n: number): string {
  const file = `<!-- → -->${"<p>Trace the span’s parent, café.</p>\n".replace("’", "'").repeat(20)}`;
  let page = "";
  for (let i = 0; i < 40; i++) page += file.slice(10) + String(n + i);
  return page;
}

/** Whether V8 stores `text` one byte a character. */
function storedOneByte(text: string): boolean {
  return v8.serialize(text)[2] === 0x22;
}

/** Heap bytes held by `make()`'s 200 strings, measured after full collections (and a warm-up, so compiled code doesn't count). */
function heldBytes(make: (i: number) => string): number {
  for (let i = 0; i < 50; i++) make(i);
  gc();
  const before = v8.getHeapStatistics().used_heap_size;
  const kept = Array.from({ length: 200 }, (_, i) => make(i));
  gc();
  const after = v8.getHeapStatistics().used_heap_size;
  expect(kept).toHaveLength(200);
  return after - before;
}

describe("oneByte", () => {
  it("stores Latin-1 text one byte a character, and leaves wider text as it is", () => {
    const page = twoBytePage(1);
    expect(storedOneByte(page)).toBe(false);
    expect(storedOneByte(oneByte(page))).toBe(true);
    expect(storedOneByte(oneByte("Jaeger’s UI"))).toBe(false);
  });

  it("returns a string equal to its input", () => {
    for (const text of ["", "plain ASCII", "café · ©", "Jaeger’s UI", "→ ─ …", "emoji 🔭 and café", twoBytePage(1)]) {
      expect(oneByte(text)).toBe(text);
    }
  });

  it("stores Latin-1 text built from two-byte pieces in about half the memory", () => {
    // Flattened in both cases, so the difference is the width of a character.
    const wide = heldBytes((i) => {
      const page = twoBytePage(i);
      page.charCodeAt(0);
      return page;
    });
    const narrow = heldBytes((i) => oneByte(twoBytePage(i)));
    expect(wide).toBeGreaterThan(200 * twoBytePage(0).length * 1.9);
    expect(narrow / wide).toBeLessThan(0.6);
  });

  it("flattens text it can't store in one byte", () => {
    const rope = (i: number) => {
      let page = "";
      for (let k = 0; k < 400; k++) page += `<li>span ${k} → ${i}</li>`;
      return page;
    };
    const asBuilt = heldBytes(rope);
    const flat = heldBytes((i) => oneByte(rope(i)));
    expect(flat / asBuilt).toBeLessThan(0.75);
  });
});

describe("the build's Markdown output", () => {
  it("is stored one byte a character when its text is Latin-1, also when its source is not", () => {
    // The unused reference's title keeps the `→` out of the HTML, but makes the source two-byte.
    const source = `[unused]: /x "a →"\n\n${"Trace the span's parent, *café*.\n\n".repeat(60)}`;
    let listened: string | undefined;
    const md = createMarkdown({ onRender: (html) => void (listened = html) });
    const html = md.render(source, {});
    expect(html).not.toMatch(/[^\u0000-\u00ff]/);
    expect(storedOneByte(html)).toBe(true);
    expect(storedOneByte(createMarkdown().render(source, {}))).toBe(false);
    expect(listened).toBe(html);
    const held = heldBytes(() => md.render(source, {}));
    expect(held).toBeLessThan(200 * html.length * 1.3);
  });
});

describe("the build's pages", () => {
  it("are written with quotes as entities, and stored one byte after our other transforms", async () => {
    const site = await buildFixture({ "a.md": "---\ntitle: A\npermalink: /a/\n---\nIt's the \"root\" span.\n" });
    expect(site.outcome.ok).toBe(true);
    expect(site.page("a/index.html").querySelector("main p")?.textContent).toBe("It’s the “root” span.");
    // The chrome adds nothing above U+00FF either (the header's labels use entities), or no page could be stored one byte.
    expect(fs.readFileSync(path.join(site.output, "a/index.html"), "utf8")).not.toMatch(/[^\u0000-\u00ff]/);
    const transforms = Object.keys((site.outcome.ctx.eleventy as unknown as { config: { transforms: Record<string, unknown> } }).config.transforms);
    // Eleventy's own bundle transforms come after it; with no bundles defined they return the page as it is.
    const ours = transforms.filter((name) => !name.startsWith("@11ty/"));
    expect(ours.at(-1)).toBe("one-byte");
    expect(ours).toContain("output-containment");
  });
});
