// The command line: exit codes, the message format, and the machine-readable reporters.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/build/context.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, ["src/cli.ts", ...args], { cwd: PROJECT_ROOT, env: { ...process.env, CI: "", GITHUB_ACTIONS: "", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("cli", () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir("cli-");
    writeFiles(path.join(root, "good"), { "index.md": "---\ntitle: Home\n---\nHello.\n" });
    writeFiles(path.join(root, "bad"), {
      "index.md": "---\ntitle: Home\n---\nHello.\n",
      "broken.md": '---\ntitle: Broken\nflags:\n  beta: "no"\n---\nText.\n',
      "typo.md": "---\ntitle: Typo\ntitel: x\n---\nText.\n",
    });
  });

  it("says a second build of unchanged input is up to date, and --no-cache builds anyway", async () => {
    const input = path.join(root, "good");
    const output = path.join(root, "out-cache");
    expect((await cli(["build", "--input", input, "--output", output])).stderr).toMatch(/Built 1 pages/);
    const again = await cli(["build", "--input", input, "--output", output]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^Up to date: nothing changed since the last build of .* \(1 pages\)/m);
    const forced = await cli(["build", "--input", input, "--output", output, "--no-cache"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/Built 1 pages/);
  });

  it("builds under a heap limit, and builds again without it when the pages need more", async () => {
    // 16 MB cannot hold even Eleventy's start-up: the limited child runs out, and the retry succeeds.
    const output = path.join(root, "out-heap");
    const r = await cli(["build", "--input", path.join(root, "good"), "--output", output], { TRACEDOCS_HEAP_MB: "16" });
    expect(r.stderr).toMatch(/The build needed more than its 16 MB heap; building again with Node's default limit\./);
    expect(r.stderr).toMatch(/Built 1 pages/);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(output, "index.html"))).toBe(true);
  });

  it("exits 0 on a good build and says what it built", async () => {
    const r = await cli(["build", "--input", path.join(root, "good"), "--output", path.join(root, "out")]);
    expect(r.stderr).toMatch(/Built 1 pages/);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(root, "out/index.html"))).toBe(true);
  });

  it("exits 1 on content errors, printing file:line:col, the code, a code frame and a hint, with no stack trace", async () => {
    const r = await cli(["build", "--input", path.join(root, "bad"), "--output", path.join(root, "out-bad")]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n");
    const head = lines.find((l) => l.includes("error[FM_INVALID_FIELD]"));
    expect(head).toMatch(/^\S*bad\/broken\.md:4(:\d+)?: error\[FM_INVALID_FIELD\]: `flags\.beta` must be true or false/);
    expect(lines).toContain('> 4 |   beta: "no"');
    expect(r.stderr).toMatch(/hint: write `beta: true` or `false`/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(fs.existsSync(path.join(root, "out-bad"))).toBe(false);
  });

  it("passes warnings with exit 0, and fails them under --strict", async () => {
    const input = path.join(root, "warn");
    writeFiles(input, { "index.md": "---\ntitle: Home\ntitel: x\n---\nHello.\n" });
    const loose = await cli(["build", "--input", input, "--output", path.join(root, "out-warn")]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/warning\[FM_UNKNOWN_KEY\]/);
    const strict = await cli(["build", "--strict", "--input", input, "--output", path.join(root, "out-warn2")]);
    expect(strict.code).toBe(1);
    const ci = await cli(["build", "--input", input, "--output", path.join(root, "out-warn3")], { CI: "true" });
    expect(ci.code).toBe(1);
  });

  it("gives CI JSON with every diagnostic, sorted by file and line", async () => {
    const r = await cli(["build", "--reporter", "json", "--input", path.join(root, "bad"), "--output", path.join(root, "out-json")]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; errors: number; warnings: number; diagnostics: { code: string; file: string; line: number }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => [d.code, d.file.split("/").pop(), d.line])).toEqual([
      ["FM_INVALID_FIELD", "broken.md", 4],
      ["FM_UNKNOWN_KEY", "typo.md", 3],
    ]);
    expect(report.errors).toBe(1);
    expect(report.warnings).toBe(1);
  });

  it("writes GitHub annotations under GitHub Actions", async () => {
    const r = await cli(["build", "--input", path.join(root, "bad"), "--output", path.join(root, "out-gh")], { GITHUB_ACTIONS: "true" });
    const annotation = r.stdout.split("\n").find((l) => l.startsWith("::error "));
    expect(annotation).toMatch(/^::error file=[^,]*broken\.md,line=4,(col=\d+,)?title=FM_INVALID_FIELD::/);
  });

  it("exits 2 on bad command-line use and on a dangerous output folder", async () => {
    expect((await cli(["build", "--reporter", "xml"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    const project = await cli(["build", "--input", path.join(root, "good"), "--output", PROJECT_ROOT]);
    expect(project.code).toBe(2);
    expect(project.stderr).toMatch(/contains the project folder/);
    const inside = await cli(["build", "--input", path.join(root, "good"), "--output", path.join(root, "good/_site")]);
    expect(inside.code).toBe(2);
    const missing = await cli(["build", "--input", path.join(root, "nope")]);
    expect(missing.code).toBe(2);
  });
});

describe("site data for a content folder", () => {
  it("comes from its own _data/, else a _data/ beside it, else neutral defaults", async () => {
    const { dataDirFor, NEUTRAL_DATA_DIR } = await import("../../src/build/context.ts");
    const root = makeTempDir("data-dir-");
    writeFiles(root, { "a/content/index.md": "x", "a/_data/site.yaml": "title: A\n", "b/content/_data/site.yaml": "title: B\n", "c/content/index.md": "x" });
    expect(dataDirFor(path.join(root, "a/content"))).toBe(path.join(root, "a/_data"));
    expect(dataDirFor(path.join(root, "b/content"))).toBe(path.join(root, "b/content/_data"));
    expect(dataDirFor(path.join(root, "c/content"))).toBe(NEUTRAL_DATA_DIR);
    expect(dataDirFor(path.join(PROJECT_ROOT, "content"))).toBe(path.join(PROJECT_ROOT, "_data"));
  });
});
