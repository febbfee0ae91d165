// Output is atomic (old build or new, never a mix), leaves nothing stale, and is deterministic.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { recoverInterruptedSwap } from "../../src/build/atomic-output.ts";
import { build } from "../../src/build/build.ts";
import { PROJECT_ROOT } from "../../src/build/context.ts";
import { makeTempDir, manifest, writeFiles, writeSiteData } from "../helpers/site.ts";

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");

function site(version: string, pages = 12): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < pages; i++) {
    files[`section-${i % 3}/page-${i}.md`] = `---\ntitle: Page ${i} (${version})\ntags:\n  - distributed tracing\ncontributors:\n  - yberlinger\n---\n## Overview\n\nVersion ${version} of page ${i}. See [the home page](/).\n\n## Details {#details}\n\nMore "quoted" text.\n`;
  }
  files["index.md"] = `---\ntitle: Home ${version}\n---\nWelcome to ${version}.\n`;
  return files;
}

describe("atomic output", () => {
  it("removes the pages of deleted sources (nothing stale)", async () => {
    const root = makeTempDir("stale-");
    const input = path.join(root, "content");
    const output = path.join(root, "_site");
    writeFiles(input, { "index.md": "---\ntitle: Home\n---\nHi.\n", "old.md": "---\ntitle: Old\n---\nOld.\n" });
    expect((await build({ input, output })).ok).toBe(true);
    expect(fs.existsSync(path.join(output, "old/index.html"))).toBe(true);
    fs.rmSync(path.join(input, "old.md"));
    expect((await build({ input, output })).ok).toBe(true);
    expect(fs.existsSync(path.join(output, "old/index.html"))).toBe(false);
    expect(fs.existsSync(path.join(output, "index.html"))).toBe(true);
  });

  it("leaves _site as the old build or the new one when the build is killed with SIGKILL at random points", async () => {
    const root = makeTempDir("kill-");
    const output = path.join(root, "_site");
    const inputA = path.join(root, "a");
    const inputB = path.join(root, "b");
    writeFiles(inputA, site("A"));
    writeFiles(inputB, site("B"));
    writeSiteData(root);
    // The old and new builds, made exactly as the killed builds are made.
    await run(TSX, ["src/cli.ts", "build", "--input", inputB, "--output", output], { cwd: PROJECT_ROOT });
    const manifestB = await manifest(output);
    const t0 = performance.now();
    await run(TSX, ["src/cli.ts", "build", "--input", inputA, "--output", output], { cwd: PROJECT_ROOT });
    const span = performance.now() - t0;
    const manifestA = await manifest(output);
    expect(manifestA).not.toEqual(manifestB);

    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const delay = Math.round(((i + Math.random()) / 6) * span);
      const child = spawn(TSX, ["src/cli.ts", "build", "--input", i % 2 ? inputA : inputB, "--output", output], { cwd: PROJECT_ROOT, stdio: "ignore", detached: true });
      const exited = new Promise((r) => child.once("exit", r).once("error", r));
      await new Promise((r) => setTimeout(r, delay));
      // Kill the whole process group: tsx runs the build in a child node process.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already exited */
      }
      await exited;
      // What every build does first: finish or roll back a swap that a kill interrupted.
      recoverInterruptedSwap(output);
      const now = await manifest(output);
      const which = JSON.stringify(now) === JSON.stringify(manifestA) ? "A" : JSON.stringify(now) === JSON.stringify(manifestB) ? "B" : "mix";
      const differs = (m: Record<string, string>) => Object.keys({ ...m, ...now }).filter((k) => m[k] !== now[k]).sort();
      expect(which, `kill after ${delay} ms left a mix: differs from A in ${differs(manifestA).join(", ")}; from B in ${differs(manifestB).join(", ")}`).not.toBe("mix");
      seen.add(which);
    }
    expect(seen.size).toBeGreaterThan(0);
  });
});

describe("deterministic output", () => {
  it("gives the same output for the same input when built twice in one process", async () => {
    const root = makeTempDir("twice-");
    const input = path.join(root, "content");
    writeFiles(input, site("T", 6));
    writeSiteData(root);
    expect((await build({ input, output: path.join(root, "one") })).ok).toBe(true);
    expect((await build({ input, output: path.join(root, "two") })).ok).toBe(true);
    expect(await manifest(path.join(root, "two"))).toEqual(await manifest(path.join(root, "one")));
  });

  it("gives byte-identical output across clones, file times, time zones and locales", async () => {
    const manifests: Record<string, string>[] = [];
    for (const [i, env] of [
      { TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
      { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
    ].entries()) {
      const root = makeTempDir(`clone-${i}-`);
      const input = path.join(root, "content");
      const files = Object.entries(site("D", 10));
      // Write in a different order, with shuffled file times.
      writeFiles(input, Object.fromEntries(i ? files.reverse() : files));
      writeSiteData(root);
      for (const [name] of files) {
        const t = new Date(Date.UTC(2001 + ((name.length * (i + 3)) % 20), i * 5, 1 + i * 7));
        fs.utimesSync(path.join(input, name), t, t);
      }
      await run(TSX, ["src/cli.ts", "build", "--input", input, "--output", path.join(root, "_site")], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
      manifests.push(await manifest(path.join(root, "_site")));
    }
    expect(Object.keys(manifests[0]!).length).toBeGreaterThan(10);
    expect(manifests[1]).toEqual(manifests[0]);
  });
});
