// A second build in the same process (the preview, a test run) sees every edit: Eleventy's
// process-wide template caches are emptied before each build (src/build/eleventy-caches.ts).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { parseDocument } from "../helpers/html.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";

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
});
