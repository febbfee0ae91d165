// The preview's search index in shards, so that a saved page rewrites one small bundle, not all of it.
//
// Why: Pagefind's `writeFiles` rewrites a whole bundle however few records changed, at about 0.9 ms
// per page (3.5–4 s at 4,000 pages; BENCHMARKS.md). Split into bundles of about PAGES_PER_SHARD
// pages, one save rewrites one of them (about 0.2 s). Pagefind's own search merges bundles
// (`mergeIndex`): the merged bundles share the first one's WebAssembly, their filters are summed and
// their results sorted together by score, so the reader sees one search.
//
// Only the preview shards. Pagefind ranks with each bundle's own statistics (page count, average
// length), so a shard ranks a page a little differently than the whole index would; the production
// build writes one bundle.
import fs from "node:fs/promises";
import path from "node:path";

/** The bundle's folder in the output folder (the only one outside the preview). */
export const BUNDLE_DIR = "pagefind";

/** About how many pages a preview shard holds (shards are filled by URL hash, so sizes vary a little). */
export const PAGES_PER_SHARD = 250;

/** Shards after the first live in `<output>/pagefind-shards/<n>/`; the first is the usual `pagefind/`. */
export const SHARD_ROOT = "pagefind-shards";

/** How many shards for a site of `pages` pages: 1 (one plain bundle) up to `perShard` pages. */
export function shardCount(pages: number, perShard = PAGES_PER_SHARD): number {
  if (!Number.isInteger(perShard) || perShard < 1) throw new RangeError(`pages per shard must be a positive integer, not ${perShard}`);
  return Math.max(1, Math.ceil(pages / perShard));
}

/**
 * The shard a page's record lives in: a hash of its URL, so a page stays in its shard while the
 * preview runs (a saved page keeps its URL; any change of URL runs the full build, which shards
 * again). FNV-1a over UTF-16 code units: small, stable, and spreads similar URLs.
 */
export function shardOf(url: string, count: number): number {
  if (count <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/**
 * Where each shard's bundle is served, relative to the output folder: the first shard that holds
 * pages at `pagefind/` (the bundle the search UI loads), each other one that holds pages at
 * `pagefind-shards/<n>/`. A shard without pages gets no bundle: Pagefind's search cannot load a
 * bundle with no pages, merged or not (with few pages over several shards, one can be empty).
 */
export class ShardBundles {
  /** Each shard's folder; undefined while it holds no pages. */
  readonly #dirs: (string | undefined)[];
  #primary = 0;

  private constructor(count: number) {
    this.#dirs = new Array<string | undefined>(count).fill(undefined);
  }

  /** One bundle at `pagefind/`, with or without pages: what a build without shards writes. */
  static single(): ShardBundles {
    const bundles = new ShardBundles(1);
    bundles.#dirs[0] = BUNDLE_DIR;
    return bundles;
  }

  /** Write every shard's bundle under `outputDir` with `write(n, folder)`, and place them. */
  static async writeAll(outputDir: string, count: number, write: (n: number, dir: string) => Promise<void>): Promise<ShardBundles> {
    if (count === 1) {
      await write(0, BUNDLE_DIR);
      return ShardBundles.single();
    }
    const bundles = new ShardBundles(count);
    // Shards of an earlier preview build: these bundles replace them all.
    await fs.rm(path.join(outputDir, SHARD_ROOT), { recursive: true, force: true });
    const pages: number[] = [];
    for (let n = 0; n < count; n++) {
      await write(n, shardDir(n));
      pages.push(await bundlePageCount(path.join(outputDir, shardDir(n))));
    }
    bundles.#primary = Math.max(0, pages.findIndex((p) => p > 0));
    for (let n = 0; n < count; n++) {
      const dir = path.join(outputDir, shardDir(n));
      if (n === bundles.#primary) {
        await fs.rm(path.join(outputDir, BUNDLE_DIR), { recursive: true, force: true });
        await fs.rename(dir, path.join(outputDir, BUNDLE_DIR));
        bundles.#dirs[n] = BUNDLE_DIR;
      } else if (pages[n]! > 0) bundles.#dirs[n] = shardDir(n);
      else await fs.rm(dir, { recursive: true, force: true });
    }
    return bundles;
  }

  get count(): number {
    return this.#dirs.length;
  }

  /** The bundles the first one merges, as site-relative folders ending in `/`, in shard order. */
  merged(): string[] {
    return this.#dirs.flatMap((dir, n) => (dir !== undefined && n !== this.#primary ? [`${dir}/`] : []));
  }

  /**
   * Write shard `n` again after a save. A shard that had no pages gets its bundle now; one left
   * without pages loses it, except the first, which the search cannot do without (an error: the
   * preview's search stays stale until the next full build).
   */
  async rewrite(outputDir: string, n: number, write: (n: number, dir: string) => Promise<void>): Promise<void> {
    const dir = this.#dirs[n] ?? shardDir(n);
    await write(n, dir);
    if ((await bundlePageCount(path.join(outputDir, dir))) > 0) this.#dirs[n] = dir;
    else if (n === this.#primary) throw new Error(`the first search bundle (${dir}) has no pages left`);
    else {
      await fs.rm(path.join(outputDir, dir), { recursive: true, force: true });
      this.#dirs[n] = undefined;
    }
  }
}

function shardDir(n: number): string {
  return `${SHARD_ROOT}/${n}`;
}

/** How many pages a written bundle holds, from Pagefind's entry file (its languages' page counts). */
export async function bundlePageCount(dir: string): Promise<number> {
  const entry = JSON.parse(await fs.readFile(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}
