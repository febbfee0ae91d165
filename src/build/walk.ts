// Every file below a folder, for the build's bookkeeping (page counts, output listings).
import fs from "node:fs";
import path from "node:path";

/**
 * Calls `visit` with each regular file's absolute path and entry, in no particular order. Links are
 * not followed; folders named in `skip` are not entered; an unreadable folder is passed over.
 */
export function walkFiles(dir: string, visit: (file: string, entry: fs.Dirent) => void, skip: readonly string[] = []): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip.includes(e.name)) walkFiles(p, visit, skip);
    } else if (e.isFile()) visit(p, e);
  }
}
