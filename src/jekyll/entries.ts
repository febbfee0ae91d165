// Which files of a Jekyll source folder are read, and as what: Jekyll's EntryFilter rules plus collections.
import path from "node:path";
import type { JekyllConfig } from "./config.ts";

export type EntryKind = { kind: "page" } | { kind: "document"; collection: string; relInCollection: string };

/** A Jekyll `exclude`/`include` entry: a path from the source root, or a shell glob (File.fnmatch). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|\\]/g, "\\$&")
    .replace(/\*\*\/?/g, "\u0000")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]")
    .replace(/\u0000/g, ".*");
  return new RegExp(`^${body}$`);
}

function matcher(patterns: readonly string[]): (rel: string) => boolean {
  const list = patterns.map((p) => p.replace(/^\/+|\/+$/g, "")).filter(Boolean);
  const globs = list.filter((p) => /[*?[]/.test(p)).map(globToRegExp);
  const plain = list.filter((p) => !/[*?[]/.test(p));
  return (rel) => plain.some((p) => rel === p || rel.startsWith(`${p}/`)) || globs.some((g) => g.test(rel) || g.test(path.posix.basename(rel)));
}

export class JekyllEntries {
  readonly #excluded: (rel: string) => boolean;
  readonly #included: (rel: string) => boolean;
  /** `_name` folder (relative to the source, `/`-separated) → collection name. */
  readonly #collectionDirs = new Map<string, string>();

  constructor(config: JekyllConfig) {
    this.#excluded = matcher(config.exclude);
    this.#included = matcher(config.include);
    const base = path.relative(config.source, config.collectionsDir).split(path.sep).join("/");
    for (const name of config.collections.keys()) this.#collectionDirs.set(base ? `${base}/_${name}` : `_${name}`, name);
  }

  /** Jekyll skips `_x`, `.x`, `#x` and `x~` entries unless `include:` names them, and anything in `exclude:`. */
  accepts(rel: string): boolean {
    if (rel === "") return true;
    if (this.#inCollection(rel)) return !this.#excluded(rel);
    // A folder on the way to a collection (e.g. `collections_dir: _docs_root`).
    for (const dir of this.#collectionDirs.keys()) if (dir.startsWith(`${rel}/`)) return true;
    const name = path.posix.basename(rel);
    const special = /^[._#]/.test(name) || name.endsWith("~");
    if (this.#included(rel)) return true;
    return !special && !this.#excluded(rel);
  }

  #inCollection(rel: string): string | undefined {
    for (const [dir, name] of this.#collectionDirs) if (rel === dir || rel.startsWith(`${dir}/`)) return name;
    return undefined;
  }

  kindOf(rel: string): EntryKind {
    for (const [dir, collection] of this.#collectionDirs) {
      if (rel.startsWith(`${dir}/`)) return { kind: "document", collection, relInCollection: rel.slice(dir.length + 1) };
    }
    return { kind: "page" };
  }
}
