// The build cache: a build whose inputs are all unchanged keeps the last good output as it is.
//
// Every input a page's HTML can depend on is hashed into one fingerprint: each file of the content
// folder and its site data, our own code and theme (src/, _includes/, assets/, the lockfile), the
// build options, and the "last updated" date of each file (from git, or SOURCE_DATE_EPOCH). After a
// successful build it is stored with that build's warnings and a listing of the output folder
// (sizes and mtimes). The next build with the same fingerprint, over an output folder that nobody
// touched since, replays the warnings and writes nothing: the output would be byte-identical (the
// build is deterministic, tests/build/atomic-deterministic.test.ts).
//
// The fingerprint is made of two parts: the body of each content page (below its front matter) with
// its date, and everything else. A commit changes only the dates of the files it touched, so a build
// after it can still be warm: the committed pages are rendered again, with the sitemap. When only
// page bodies changed, the entry also says what a warm build needs to render just those pages (src/build/warm-build.ts): which files were pages and what each wrote, each
// page's front matter as the build read it, and the source line of every link.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { BuildOptions } from "./context.ts";
import type { PackedFacts } from "../checks/packed-facts.ts";
import { walkFiles } from "./walk.ts";
import { LastUpdated } from "../layouts/last-updated.ts";

/** Bump when the cache file's shape changes. */
const CACHE_VERSION = 3;

/** Our own inputs, relative to the project root: the code and theme every page goes through. */
const TOOL_INPUTS = ["src", "_includes", "assets", ".eleventy.ts", "package-lock.json"];

export interface CacheEntry {
  version: number;
  fingerprint: string;
  /** The fingerprint of everything but the content pages' bodies. */
  rest: string;
  /** Each content Markdown file's body and date hash, by its path in the content folder. */
  bodies: Record<string, string>;
  pages: number;
  diagnostics: Diagnostic[];
  /** Output file → `size:mtimeMs`, to notice an output folder changed or deleted behind our back. */
  output: Record<string, string>;
  /** What a warm build needs of this build (see `WarmRecord`); absent where a warm build can't follow it. */
  warm?: WarmRecord;
}

/** What a build leaves for a warm build after it: see src/build/warm-build.ts. */
export interface WarmRecord {
  /** Each written page, by its path in the content folder: its output file and a hash of its front matter as the build read it. */
  pages: Record<string, { outputFile: string; frontMatter: string }>;
  /** Each page's links and the source line of each (checks/link-lines.ts), by display path. */
  linkLines: [file: string, lines: [href: string, line: number][]][];
  /** Each page's ids and links as the link check read them. */
  facts: PackedFacts;
}

/** The two parts of the fingerprint, and the whole. */
export interface Fingerprints {
  all: string;
  rest: string;
  bodies: Record<string, string>;
  /**
   * A content or theme file that may print other pages' content (it names `templateContent` or a
   * `.content`), if any: then a page's body can reach other pages, and no build is warm.
   */
  readsPageContent?: string;
}

/** The last good build, and the content pages whose bodies alone changed since. */
export interface WarmStart {
  entry: CacheEntry & { warm: WarmRecord };
  /** Paths in the content folder, `/`-separated. */
  changed: string[];
}

export interface BuildCacheOptions {
  /** The project root (tool inputs and the cache folder live there). */
  projectRoot: string;
  options: BuildOptions;
  /** Folders whose every file is an input: the content folder, its data folder. */
  inputDirs: string[];
  env?: NodeJS.ProcessEnv;
  /** The build's "last updated" dates, so that its pages and the fingerprint read git's log once. */
  dates?: LastUpdated;
}

/** Where the entry for an output folder is kept: under the project's node_modules/.cache, never in the output. */
export function cacheFileFor(projectRoot: string, output: string): string {
  const id = crypto.createHash("sha256").update(path.resolve(output)).digest("hex").slice(0, 16);
  return path.join(projectRoot, "node_modules", ".cache", "tracedocs", `${id}.json`);
}

export class BuildCache {
  readonly #file: string;
  readonly #output: string;
  #entry: CacheEntry | undefined | null = null;

  constructor(private readonly config: BuildCacheOptions) {
    this.#output = path.resolve(config.options.output);
    this.#file = cacheFileFor(config.projectRoot, this.#output);
  }

  /** The fingerprint of every input, as the files are now: the whole, and its two parts. */
  fingerprints(): Fingerprints {
    const hash = crypto.createHash("sha256");
    const { options, projectRoot, inputDirs } = this.config;
    const env = this.config.env ?? process.env;
    // The working folder too: diagnostics and link lines name files relative to it.
    hash.update(JSON.stringify({ v: CACHE_VERSION, node: process.version, ...options, output: this.#output, input: path.resolve(options.input), cwd: process.cwd() }));
    hash.update(`\0epoch:${env.SOURCE_DATE_EPOCH ?? ""}`);
    const input = path.resolve(options.input);
    const bodies: Record<string, string> = {};
    const reading: { file?: string } = {};
    // The dates the pages will show: a page's goes with its body, any other file's with the rest.
    const dates = this.config.dates ?? new LastUpdated({ env });
    const dateOf = (file: string) => dates.of(file);
    for (const dir of new Set(inputDirs.map((d) => path.resolve(d)))) {
      hashTree(hash, dir, dir, dir === input ? { bodies, reading, dateOf } : { dateOf });
    }
    for (const rel of TOOL_INPUTS) hashTree(hash, projectRoot, path.join(projectRoot, rel), rel === "_includes" ? { reading } : {});
    const rest = hash.digest("hex");
    const sorted = Object.keys(bodies).sort();
    const all = crypto.createHash("sha256").update(rest);
    for (const file of sorted) all.update(`\0${file}:${bodies[file]}`);
    return { all: all.digest("hex"), rest, bodies: Object.fromEntries(sorted.map((f) => [f, bodies[f]!])), readsPageContent: reading.file };
  }

  /** The fingerprint of every input, as the files are now. */
  fingerprint(): string {
    return this.fingerprints().all;
  }

  /** The stored entry when it matches `fingerprint` and the output folder is as that build left it. */
  lookup(fingerprint: string): CacheEntry | undefined {
    const entry = this.#read();
    return entry?.fingerprint === fingerprint && this.#outputUntouched(entry) ? entry : undefined;
  }

  /**
   * The stored entry when only the bodies of some of its written pages changed since, and the output
   * folder is as that build left it; with those pages. Undefined when anything else changed.
   */
  lookupWarm(now: Fingerprints): WarmStart | undefined {
    const entry = this.#read();
    // Not held for the rest of the build (a warm start keeps what it needs): it is large.
    this.#entry = null;
    if (!entry?.warm || entry.rest !== now.rest || entry.fingerprint === now.all || now.readsPageContent) return undefined;
    const files = Object.keys(now.bodies);
    if (files.length !== Object.keys(entry.bodies).length) return undefined;
    const changed: string[] = [];
    for (const file of files) {
      const before = entry.bodies[file];
      if (before === undefined) return undefined;
      if (before === now.bodies[file]) continue;
      // Only a written page qualifies: a Markdown include, or a page not written, reaches other pages.
      if (!entry.warm.pages[file]?.outputFile) return undefined;
      changed.push(file);
    }
    if (changed.length === 0 || !this.#outputUntouched(entry)) return undefined;
    return { entry: entry as WarmStart["entry"], changed };
  }

  /** The stored entry, read once (it holds every page's links: tens of megabytes on a large site). */
  #read(): CacheEntry | undefined {
    if (this.#entry === null) {
      try {
        const entry = JSON.parse(fs.readFileSync(this.#file, "utf8")) as CacheEntry;
        this.#entry = entry.version === CACHE_VERSION ? entry : undefined;
      } catch {
        this.#entry = undefined;
      }
    }
    return this.#entry;
  }

  #outputUntouched(entry: CacheEntry): boolean {
    const now = listOutput(this.#output);
    const stored = Object.keys(entry.output);
    if (stored.length === 0 || stored.length !== Object.keys(now).length) return false;
    return stored.every((f) => now[f] === entry.output[f]);
  }

  /** Record a successful build (call after the output folder was swapped in). */
  store(fingerprints: Fingerprints, pages: number, diagnostics: Diagnostic[], warm?: WarmRecord): void {
    const entry: CacheEntry = { version: CACHE_VERSION, fingerprint: fingerprints.all, rest: fingerprints.rest, bodies: fingerprints.bodies, pages, diagnostics, output: listOutput(this.#output), warm };
    fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    const tmp = `${this.#file}.${process.pid}.tmp`;
    writeJson(tmp, entry);
    fs.renameSync(tmp, this.#file);
    this.#entry = null;
  }

  /** Forget the stored build (the output folder no longer matches it). */
  clear(): void {
    fs.rmSync(this.#file, { force: true });
    this.#entry = null;
  }
}

/** A Markdown file's front matter block, up to and including its closing line. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** What names another page's content in a template or a page: Eleventy's `templateContent`, or its `content` alias. */
const READS_CONTENT = /templateContent|\.content\b/;

interface TreeNotes {
  /** Given, a Markdown file with front matter adds only that to the hash, and its body's hash here. */
  bodies?: Record<string, string>;
  /** Given, the first file that matches READS_CONTENT is noted here. */
  reading?: { file?: string };
  /** Given, each file's "last updated" date is hashed with it (with its body, for a page). */
  dateOf?: (file: string) => string | undefined;
}

/** Each file's path and bytes under `target`, in a fixed order; symlinks by their target path. */
function hashTree(hash: crypto.Hash, root: string, target: string, notes: TreeNotes = {}): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    hash.update(`\0missing:${path.relative(root, target)}`);
    return;
  }
  const rel = path.relative(root, target);
  if (stat.isSymbolicLink()) {
    hash.update(`\0link:${rel}:${fs.readlinkSync(target)}`);
  } else if (stat.isDirectory()) {
    hash.update(`\0dir:${rel}`);
    const names = fs.readdirSync(target).sort();
    for (const name of names) {
      if (name === "node_modules" || name === ".git") continue;
      hashTree(hash, root, path.join(target, name), notes);
    }
  } else if (stat.isFile()) {
    const bytes = fs.readFileSync(target);
    const { bodies, reading, dateOf } = notes;
    const text = bodies || reading ? bytes.toString("latin1") : "";
    if (reading && reading.file === undefined && READS_CONTENT.test(text)) reading.file = target;
    const front = bodies && target.endsWith(".md") ? FRONT_MATTER.exec(text) : null;
    const date = `\0date:${dateOf?.(target) ?? ""}`;
    if (front) {
      // Latin-1 keeps one character per byte, so the match's length is the front matter's in bytes.
      const cut = front[0].length;
      hash.update(`\0page:${rel}:`);
      hash.update(bytes.subarray(0, cut));
      bodies![rel.split(path.sep).join("/")] = crypto.createHash("sha256").update(bytes.subarray(cut)).update(date).digest("hex");
    } else {
      hash.update(`\0file:${rel}:${stat.size}:`);
      hash.update(bytes);
      hash.update(date);
    }
  }
}

function listOutput(output: string): Record<string, string> {
  const out: Record<string, string> = {};
  walkFiles(output, (file) => {
    const s = fs.lstatSync(file);
    out[path.relative(output, file)] = `${s.size}:${s.mtimeMs}`;
  });
  return out;
}

/**
 * `JSON.stringify(value)` written to `file` a piece at a time. The entry holds every page's links (tens
 * of megabytes at 20,000 pages), and is written when the build's heap is at its fullest: as one string
 * it raised the build's peak memory by about 100 MB.
 */
export function writeJson(file: string, value: unknown): void {
  const fd = fs.openSync(file, "w");
  let buffer = "";
  const put = (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = "";
    }
  };
  // Four levels down (entry, warm record, facts, their pages) each item is small enough to stringify whole.
  const write = (v: unknown, depth: number): void => {
    if (depth === 0 || v === null || typeof v !== "object" || typeof (v as { toJSON?: unknown }).toJSON === "function") {
      put(JSON.stringify(v) ?? "null");
    } else if (Array.isArray(v)) {
      put("[");
      v.forEach((item, i) => {
        if (i > 0) put(",");
        write(item, depth - 1);
      });
      put("]");
    } else {
      put("{");
      let first = true;
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined || typeof item === "function") continue;
        put(`${first ? "" : ","}${JSON.stringify(key)}:`);
        first = false;
        write(item, depth - 1);
      }
      put("}");
    }
  };
  try {
    write(value, 4);
    fs.writeSync(fd, buffer);
  } finally {
    fs.closeSync(fd);
  }
}
