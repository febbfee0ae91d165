// The file system Liquid includes resolve through: Jekyll paths, confined to the includes folder (S2).
//
// Jekyll resolves `{% include /dir/file.md %}` (210 of the writers' pages use the leading `/`)
// against `_includes/`; liquidjs would read it as an absolute path. Both forms land in the
// includes folder here, and nothing outside it (a `../` or a symlink out) can be read.
import fs from "node:fs";
import path from "node:path";
import { isInside } from "../content/permalink.ts";

function real(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

export interface IncludesFsOptions {
  /** Rewrites an include's text as it is read (e.g. lax outputs); `file` is absolute. */
  transform?: (file: string, text: string) => string;
}

export function includesFileSystem(options: IncludesFsOptions = {}) {
  const containsSync = (root: string, file: string) => isInside(real(root), real(file));
  const transform = options.transform ?? ((_file: string, text: string) => text);
  return {
    sep: path.sep,
    dirname: (file: string) => path.dirname(file),
    resolve: (dir: string, file: string, ext: string) => path.resolve(dir, file.replace(/^\/+/, "") + (path.extname(file) ? "" : ext)),
    containsSync,
    contains: async (root: string, file: string) => containsSync(root, file),
    existsSync: (file: string) => fs.existsSync(file) && fs.statSync(file).isFile(),
    exists: async (file: string) => fs.existsSync(file) && fs.statSync(file).isFile(),
    readFileSync: (file: string) => transform(file, fs.readFileSync(file, "utf8")),
    readFile: async (file: string) => transform(file, await fs.promises.readFile(file, "utf8")),
  };
}
