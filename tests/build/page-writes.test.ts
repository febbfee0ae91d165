// Pages are written on libuv's thread pool (src/build/page-writes.ts): every file lands, whatever
// reads the output waits for them, and a write that fails fails the build, naming the page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OUTPUT_WRITE_FAILED, PageWrites } from "../../src/build/page-writes.ts";
import { DocsError } from "../../src/diagnostics/diagnostic.ts";
import { buildFixture, makeTempDir, manifest } from "../helpers/site.ts";

describe("page writes", () => {
  it("writes every file into its folder, made as needed, and settles once all are on disk", async () => {
    const dir = makeTempDir("page-writes-");
    const writes = new PageWrites({ concurrency: 3 });
    const files = Array.from({ length: 40 }, (_, i) => path.join(dir, `s${i % 4}`, `p${i}`, "index.html"));
    files.forEach((file, i) => writes.write(file, i % 2 ? `<p>page ${i} ’</p>` : Buffer.from(`<p>page ${i}</p>`), `content/p${i}.md`));
    // Nothing is written on the calling thread: the files come later.
    expect(fs.existsSync(files[0]!)).toBe(false);
    await writes.settled();
    expect(files.map((file) => fs.readFileSync(file, "utf8"))).toEqual(files.map((_, i) => (i % 2 ? `<p>page ${i} ’</p>` : `<p>page ${i}</p>`)));
    // Settled with nothing queued: at once.
    await writes.settled();
    expect(await writes.onDisk()).toBe(true);
  });

  it("keeps at most `concurrency` files open at once", async () => {
    const dir = makeTempDir("page-writes-");
    const writes = new PageWrites({ concurrency: 2 });
    let most = 0;
    const fds = () => fs.readdirSync("/proc/self/fd").map(Number);
    const before = new Set(fds());
    const timer = setInterval(() => {
      const now = fds().filter((fd) => !before.has(fd));
      most = Math.max(most, now.length);
    }, 0);
    for (let i = 0; i < 200; i++) writes.write(path.join(dir, `p${i}.html`), "x".repeat(200_000), `p${i}.md`);
    await writes.settled();
    clearInterval(timer);
    // A file handle per write in flight: the sampling saw some, and never more than two.
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect(fs.readdirSync(dir)).toHaveLength(200);
  });

  it("fails with OUTPUT_WRITE_FAILED naming the page and the file, and drops the writes after it", async () => {
    const dir = makeTempDir("page-writes-");
    fs.writeFileSync(path.join(dir, "taken"), "a file where a folder must go");
    const writes = new PageWrites({ concurrency: 1 });
    writes.write(path.join(dir, "taken", "index.html"), "<p>x</p>", "content/guide/taken.md");
    for (let i = 0; i < 5; i++) writes.write(path.join(dir, `later${i}.html`), "<p>y</p>", `content/later${i}.md`);
    const failure = await writes.settled().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DocsError);
    const d = (failure as DocsError).toDiagnostic();
    expect(d).toMatchObject({ severity: "error", code: OUTPUT_WRITE_FAILED, file: "content/guide/taken.md" });
    expect(d.message).toMatch(/^could not write .*taken\/index\.html: E[A-Z]+/);
    expect(d.hint).toBeTruthy();
    expect(await writes.onDisk()).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("later"))).toEqual([]);
  });

  it("in a build: a page that cannot be written fails it with file and fix, and the last good site stays", async () => {
    const page = (title: string) => `---\nlayout: article\ntitle: ${title}\n---\n\nText.\n`;
    const good = await buildFixture({ "index.md": page("Home"), "a.md": page("A") });
    expect(good.outcome.ok).toBe(true);
    const before = await manifest(good.output);
    // The theme's stylesheet is copied into the output before any page: a page whose permalink makes
    // it a folder cannot be written.
    fs.writeFileSync(path.join(good.input, "b.md"), `---\nlayout: article\ntitle: B\npermalink: /assets/css/site.css/\n---\n\nText.\n`);
    const bad = await buildFixture({}, { output: good.output, input: good.input }, good.root);
    const errors = bad.outcome.ctx.diagnostics.sorted().filter((d) => d.severity === "error");
    expect(bad.outcome.ok).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: OUTPUT_WRITE_FAILED });
    expect(errors[0]!.file).toMatch(/content\/b\.md$/);
    expect(errors[0]!.message).toMatch(/could not write .*assets\/css\/site\.css\/index\.html/);
    expect(await manifest(good.output)).toEqual(before);
    // No staging folder is left behind by writes still in flight.
    expect(fs.readdirSync(good.root).sort()).toEqual(["_site", "content"]);
  });
});
