// Runs the real kramdown (Debian's ruby-kramdown + ruby-kramdown-parser-gfm) over fixture files.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "kramdown-render.rb");

/** Why kramdown cannot run here, or undefined when it can. */
export function kramdownUnavailable(): string | undefined {
  const probe = spawnSync("ruby", ["-e", 'require "kramdown"; require "kramdown-parser-gfm"; print Kramdown::VERSION'], {
    encoding: "utf8",
  });
  if (probe.error) return `ruby is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `kramdown is not installed: ${probe.stderr.trim().split("\n")[0]}`;
  if (!probe.stdout.startsWith("2.")) return `kramdown ${probe.stdout} is not kramdown 2`;
  return undefined;
}

/** HTML for each file, from one Ruby process (see kramdown-render.rb for the options). */
export function renderWithKramdown(files: string[]): Map<string, string> {
  const run = spawnSync("ruby", [SCRIPT, ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`kramdown failed: ${run.stderr}`);
  return new Map(Object.entries(JSON.parse(run.stdout) as Record<string, string>));
}
