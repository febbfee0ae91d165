// A second build in the same process (the preview, a test run) sees every edit: Eleventy's
// process-wide template caches are emptied before each build (src/build/eleventy-caches.ts). And it
// lets the build before it go, so the preview's full rebuilds don't pile up in memory.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { parseDocument } from "../helpers/html.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";

// A full collection on demand, without starting Node with --expose-gc.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
async function collectGarbage(): Promise<void> {
  // A WeakRef's target is kept until the current job ends, so collect after a turn of the loop.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

describe("building twice in one process", () => {
  const root = makeTempDir("rebuild-");
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("renders an edited page and an edited include, not the versions the first build cached", async () => {
    const input = path.join(root, "content");
    const output = path.join(root, "_site");
    writeFiles(input, {
      "_includes/note.md": "First note.\n",
      "index.md": "---\ntitle: Home\n---\nFirst words.\n\n{% include note.md %}\n",
    });
    const paragraphs = () =>
      [...parseDocument(fs.readFileSync(path.join(output, "index.html"), "utf8")).querySelectorAll(".prose p")].map((p) => p.textContent);

    expect((await build({ input, output })).ok).toBe(true);
    expect(paragraphs()).toEqual(["First words.", "First note."]);

    writeFiles(input, {
      "_includes/note.md": "Second note.\n",
      "index.md": "---\ntitle: Home\n---\nSecond words.\n\n{% include note.md %}\n",
    });
    expect((await build({ input, output })).ok).toBe(true);
    expect(paragraphs()).toEqual(["Second words.", "Second note."]);
  });

  it("lets go of the first build once the second is done: its Eleventy, pages and Markdown library", async () => {
    const input = path.join(root, "memory");
    const output = path.join(root, "_site-memory");
    writeFiles(input, { "index.md": "---\ntitle: Home\n---\n## Hello\n\nSome words.\n", "other.md": "---\ntitle: Other\n---\nMore words.\n" });
    const refs = await (async () => {
      const first = await build({ input, output, cache: false });
      expect(first.ok).toBe(true);
      expect(first.ctx.eleventy).toBeDefined();
      expect(first.ctx.markdown).toBeDefined();
      return { ctx: new WeakRef(first.ctx), eleventy: new WeakRef(first.ctx.eleventy!), markdown: new WeakRef(first.ctx.markdown!) };
    })();
    const second = await build({ input, output, cache: false });
    expect(second.ok).toBe(true);
    await collectGarbage();
    expect({ ctx: refs.ctx.deref(), eleventy: refs.eleventy.deref(), markdown: refs.markdown.deref() }).toEqual({ ctx: undefined, eleventy: undefined, markdown: undefined });
    // The second build is still whole (the preview renders saved pages through it).
    expect(second.ctx.markdown?.render).toBeTypeOf("function");
  });
});
