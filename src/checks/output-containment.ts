// S1: every file the build writes must land inside the output folder, checked before it is written.
import fs from "node:fs";
import path from "node:path";
import { isInside } from "../content/permalink.ts";
import { DocsError } from "../diagnostics/diagnostic.ts";

export class OutputEscapeError extends DocsError {}

/** The real path of the nearest existing ancestor, joined with the part that doesn't exist yet. */
function realPathOf(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    rest.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

/**
 * Throws when `outputPath` (or the real path of its folder, through symlinks) is outside `outputDir`.
 * The content scan already refuses unsafe permalinks; this guards every other way a path is made
 * (generated pages, redirects, plugins).
 */
export function assertInsideOutput(outputDir: string, outputPath: string, inputPath: string): void {
  const resolved = path.resolve(outputPath);
  const root = realPathOf(path.resolve(outputDir));
  if (isInside(path.resolve(outputDir), resolved) && isInside(root, realPathOf(path.dirname(resolved)))) return;
  throw new OutputEscapeError({
    code: "OUTPUT_OUTSIDE",
    message: `refusing to write ${resolved}: it is outside the output folder ${outputDir}`,
    file: inputPath,
    hint: "check the page's `permalink:` and `redirect_from:`; paths must stay inside the site",
  });
}
