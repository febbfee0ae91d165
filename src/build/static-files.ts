// Static files: the theme's assets and a Jekyll project's static files, copied before Eleventy runs.
//
// Eleventy's passthrough copy runs alongside rendering, and when a page throws it keeps copying
// after the build has already failed and removed its staging folder: an unhandled rejection that
// can take down the preview server. Copying first, synchronously, leaves nothing in flight, and the
// link check can see every asset.
import fs from "node:fs";
import path from "node:path";
import type { BuildContext } from "./context.ts";

export function copyStaticFiles(ctx: BuildContext): number {
  let copied = 0;
  const assets = path.join(ctx.dirs.project, "assets");
  if (fs.existsSync(assets)) {
    fs.cpSync(assets, path.join(ctx.dirs.output, "assets"), { recursive: true, dereference: false });
    copied++;
  }
  // The scan has already refused symlinks out of the source folder (S2).
  for (const file of ctx.scan?.staticFiles ?? []) {
    const target = path.join(ctx.dirs.output, path.relative(ctx.dirs.input, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    copied++;
  }
  return copied;
}
