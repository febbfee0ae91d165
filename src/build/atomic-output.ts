// Atomic output: build into a staging folder beside the output, swap it in only when the build passed.
//
// A directory cannot be renamed over a non-empty one, so the swap is two renames: output → backup,
// staging → output. A crash between them leaves only the backup; `recoverInterruptedSwap` (run at
// the start of every build) puts it back, so `_site` is always the old build or the new one.
import fs from "node:fs";
import path from "node:path";

function sibling(output: string, kind: "staging" | "previous"): string {
  return path.join(path.dirname(output), `.${path.basename(output)}.${kind}`);
}

export function stagingDir(output: string): string {
  return sibling(output, "staging");
}

export function recoverInterruptedSwap(output: string): void {
  const previous = sibling(output, "previous");
  if (fs.existsSync(previous)) {
    if (fs.existsSync(output)) fs.rmSync(previous, { recursive: true, force: true });
    else fs.renameSync(previous, output);
  }
  fs.rmSync(stagingDir(output), { recursive: true, force: true });
}

/** A fresh, empty staging folder (a leftover from a killed build is discarded). */
export function prepareStaging(output: string): string {
  const staging = stagingDir(output);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  return staging;
}

export function discardStaging(output: string): void {
  fs.rmSync(stagingDir(output), { recursive: true, force: true });
}

/** Replace `output` with the staging folder. Stale files vanish with the old folder. */
export function swapIn(output: string): void {
  const staging = stagingDir(output);
  const previous = sibling(output, "previous");
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(output)) fs.renameSync(output, previous);
  fs.renameSync(staging, output);
  fs.rmSync(previous, { recursive: true, force: true });
}
