// S1: every file the build writes must land inside the output folder, checked before it is written.
import fs from "node:fs";
import path from "node:path";
import { isInside } from "../content/permalink.ts";
import { DocsError } from "../diagnostics/diagnostic.ts";

export class OutputEscapeError extends DocsError {}

/**
 * Returns a check that throws when `outputPath` (or the real path of its folder, through symlinks)
 * is outside `outputDir`. The content scan already refuses unsafe permalinks; this guards every
 * other way a path is made (generated pages, redirects, plugins).
 */
export function outputGuard(outputDir: string): (outputPath: string, inputPath: string) => void {
  const root = path.resolve(outputDir);
  // Real paths by folder: pages share folders, and this runs once per written page.
  const realDirs = new Map<string, string>();
  const realDir = (dir: string): string => {
    let real = realDirs.get(dir);
    if (real === undefined) {
      const parent = path.dirname(dir);
      // A folder that doesn't exist yet will be made by Eleventy, as a plain folder under its parent.
      real = fs.existsSync(dir) || parent === dir ? fs.realpathSync(dir) : path.join(realDir(parent), path.basename(dir));
      realDirs.set(dir, real);
    }
    return real;
  };
  return (outputPath, inputPath) => {
    const resolved = path.resolve(outputPath);
    if (isInside(root, resolved) && isInside(realDir(root), realDir(path.dirname(resolved)))) return;
    throw new OutputEscapeError({
      code: "OUTPUT_OUTSIDE",
      message: `refusing to write ${resolved}: it is outside the output folder ${outputDir}`,
      file: inputPath,
      hint: "check the page's `permalink:` and `redirect_from:`; paths must stay inside the site",
    });
  };
}

export function assertInsideOutput(outputDir: string, outputPath: string, inputPath: string): void {
  outputGuard(outputDir)(outputPath, inputPath);
}
