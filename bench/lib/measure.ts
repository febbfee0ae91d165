// Runs one command as a child process and measures it: wall time, CPU time (user+sys) and peak RSS.
//
// CPU and RSS come from GNU time (`/usr/bin/time -f`), which reads the child's rusage when it is
// reaped: user+sys include every descendant that was waited for (Pagefind's Rust process, Jekyll's
// Ruby), and maxRSS is the largest single process of the tree. Without GNU time, wall time only.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Measurement {
  wallMs: number;
  /** User + system CPU of the child and its waited-for descendants; NaN without GNU time. */
  cpuMs: number;
  /** Peak resident set size of the largest process in the tree, in KB; NaN without GNU time. */
  maxRssKb: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success. Default: [0]. */
  okCodes?: number[];
}

export const GNU_TIME = "/usr/bin/time";
const hasGnuTime = fs.existsSync(GNU_TIME);

/** Run `cmd args` to completion; throws with the end of its stderr when it fails. */
export async function measure(cmd: string, args: string[], options: RunOptions = {}): Promise<Measurement> {
  const stats = path.join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ["-o", stats, "-f", "%U %S %M", cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err = (err + chunk.toString("utf8")).slice(-20_000);
    });
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c ?? 1, stderr: err }));
  });
  const wallMs = performance.now() - started;
  if (!(options.okCodes ?? [0]).includes(code)) {
    throw new Error(`${cmd} ${args.join(" ")} exited with ${code}:\n${stderr.split("\n").slice(-25).join("\n")}`);
  }
  if (!hasGnuTime) return { wallMs, cpuMs: NaN, maxRssKb: NaN };
  // GNU time may print the child's own messages first; its line is the last one.
  const last = fs.readFileSync(stats, "utf8").trim().split("\n").at(-1) ?? "";
  fs.rmSync(stats, { force: true });
  const [user, sys, rss] = last.split(" ").map(Number);
  return { wallMs, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000, maxRssKb: rss ?? NaN };
}

/** Two steps of one setup (Eleventy, then Pagefind's CLI) counted as one. */
export function sum(a: Measurement, b: Measurement): Measurement {
  return { wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs, maxRssKb: Math.max(a.maxRssKb, b.maxRssKb) };
}

export function median(values: number[]): number {
  const s = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median of each field over several runs. */
export function medianOf(runs: Measurement[]): Measurement {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssKb: median(runs.map((r) => r.maxRssKb)),
  };
}
