// The dev server's single-page edit: start `tsx src/cli.ts serve` over a copy of a corpus, save one
// page, and time (a) until its new HTML is on disk and (b) until the search index has changed
// (Pagefind's `pagefind-entry.json` names the index's hash, so it changes when the index does).
// Both are polled from this process, so the server's own event loop is not what measures it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { median } from "./lib/measure.ts";

export interface EditResult {
  /** Save → the page's new HTML on disk, per edit (ms). */
  htmlMs: number[];
  /** Save → the search index rewritten, per edit (ms). */
  searchMs: number[];
  /** Start → first build served (ms). */
  startMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

const read = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

export async function measureEdits(projectRoot: string, corpus: string, work: string, edits: number): Promise<EditResult> {
  fs.rmSync(work, { recursive: true, force: true });
  const input = path.join(work, "content");
  const output = path.join(work, "_site");
  fs.cpSync(corpus, input, { recursive: true });
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve", "--input", input, "--output", output, "--port", "0"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (c: Buffer) => (log = (log + c.toString("utf8")).slice(-20_000)));
  try {
    await waitFor(() => (/Serving .* at http/.test(log) ? true : undefined), 600_000, `the dev server to start:\n${log}`);
    const startMs = performance.now() - started;
    // Let the first build's search index settle before editing.
    const entry = path.join(output, "pagefind/pagefind-entry.json");
    await waitFor(() => read(entry), 120_000, "the first search index");
    await sleep(1500);

    const page = "section-3/page-3.md";
    const source = path.join(input, page);
    const html = path.join(output, "bench/section-3/page-3/index.html");
    const original = fs.readFileSync(source, "utf8");
    const htmlMs: number[] = [];
    const searchMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const marker = `benchedit${i}x${Date.now().toString(36)}`;
      const entryBefore = read(entry);
      const t0 = performance.now();
      fs.writeFileSync(source, original.replace("## Parameters", `Edited ${marker}.\n\n## Parameters`));
      let htmlAt: number | undefined;
      let searchAt: number | undefined;
      await waitFor(() => {
        if (htmlAt === undefined && read(html)?.includes(marker)) htmlAt = performance.now();
        if (searchAt === undefined) {
          const now = read(entry);
          if (now !== undefined && now !== entryBefore) searchAt = performance.now();
        }
        return htmlAt !== undefined && searchAt !== undefined ? true : undefined;
      }, 300_000, `edit ${i} to show:\n${log.slice(-2000)}`);
      htmlMs.push(htmlAt! - t0);
      searchMs.push(searchAt! - t0);
      await sleep(1500);
    }
    fs.writeFileSync(source, original);
    return { htmlMs, searchMs, startMs };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("close", r));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export const medianEdit = (r: EditResult) => ({ htmlMs: median(r.htmlMs), searchMs: median(r.searchMs) });
