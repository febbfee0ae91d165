// The build cache: a build whose inputs are all unchanged keeps the last good output as it is.
//
// Every input a page's HTML can depend on is hashed into one fingerprint: each file of the content
// folder and its site data, our own code and theme (src/, _includes/, assets/, the lockfile), the
// build options, and what the "last updated" dates read (git HEAD, SOURCE_DATE_EPOCH). After a
// successful build it is stored with that build's warnings and a listing of the output folder
// (sizes and mtimes). The next build with the same fingerprint, over an output folder that nobody
// touched since, replays the warnings and writes nothing: the output would be byte-identical (the
// build is deterministic, tests/build/atomic-deterministic.test.ts). Any change, anywhere, means a
// full build: there is no per-page cache yet.
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { BuildOptions } from "./context.ts";
import { walkFiles } from "./walk.ts";

/** Bump when the cache file's shape changes. */
const CACHE_VERSION = 1;

/** Our own inputs, relative to the project root: the code and theme every page goes through. */
const TOOL_INPUTS = ["src", "_includes", "assets", ".eleventy.ts", "package-lock.json"];

export interface CacheEntry {
  version: number;
  fingerprint: string;
  pages: number;
  diagnostics: Diagnostic[];
  /** Output file → `size:mtimeMs`, to notice an output folder changed or deleted behind our back. */
  output: Record<string, string>;
}

export interface BuildCacheOptions {
  /** The project root (tool inputs and the cache folder live there). */
  projectRoot: string;
  options: BuildOptions;
  /** Folders whose every file is an input: the content folder, its data folder. */
  inputDirs: string[];
  env?: NodeJS.ProcessEnv;
}

/** Where the entry for an output folder is kept: under the project's node_modules/.cache, never in the output. */
export function cacheFileFor(projectRoot: string, output: string): string {
  const id = crypto.createHash("sha256").update(path.resolve(output)).digest("hex").slice(0, 16);
  return path.join(projectRoot, "node_modules", ".cache", "tracedocs", `${id}.json`);
}

export class BuildCache {
  readonly #file: string;
  readonly #output: string;

  constructor(private readonly config: BuildCacheOptions) {
    this.#output = path.resolve(config.options.output);
    this.#file = cacheFileFor(config.projectRoot, this.#output);
  }

  /** The fingerprint of every input, as the files are now. */
  fingerprint(): string {
    const hash = crypto.createHash("sha256");
    const { options, projectRoot, inputDirs } = this.config;
    const env = this.config.env ?? process.env;
    hash.update(JSON.stringify({ v: CACHE_VERSION, node: process.version, ...options, output: this.#output, input: path.resolve(options.input) }));
    hash.update(`\0epoch:${env.SOURCE_DATE_EPOCH ?? ""}`);
    for (const dir of new Set(inputDirs.map((d) => path.resolve(d)))) {
      hash.update(`\0git:${dir}:${gitState(dir)}`);
      hashTree(hash, dir, dir);
    }
    for (const rel of TOOL_INPUTS) hashTree(hash, projectRoot, path.join(projectRoot, rel));
    return hash.digest("hex");
  }

  /** The stored entry when it matches `fingerprint` and the output folder is as that build left it. */
  lookup(fingerprint: string): CacheEntry | undefined {
    let entry: CacheEntry;
    try {
      entry = JSON.parse(fs.readFileSync(this.#file, "utf8")) as CacheEntry;
    } catch {
      return undefined;
    }
    if (entry.version !== CACHE_VERSION || entry.fingerprint !== fingerprint) return undefined;
    const now = listOutput(this.#output);
    const stored = Object.keys(entry.output);
    if (stored.length === 0 || stored.length !== Object.keys(now).length) return undefined;
    return stored.every((f) => now[f] === entry.output[f]) ? entry : undefined;
  }

  /** Record a successful build (call after the output folder was swapped in). */
  store(fingerprint: string, pages: number, diagnostics: Diagnostic[]): void {
    const entry: CacheEntry = { version: CACHE_VERSION, fingerprint, pages, diagnostics, output: listOutput(this.#output) };
    fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    const tmp = `${this.#file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entry));
    fs.renameSync(tmp, this.#file);
  }

  /** Forget the stored build (the output folder no longer matches it). */
  clear(): void {
    fs.rmSync(this.#file, { force: true });
  }
}

/** Each file's path and bytes under `target`, in a fixed order; symlinks by their target path. */
function hashTree(hash: crypto.Hash, root: string, target: string): void {
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
      hashTree(hash, root, path.join(target, name));
    }
  } else if (stat.isFile()) {
    hash.update(`\0file:${rel}:${stat.size}:`);
    hash.update(fs.readFileSync(target));
  }
}

/** Which commit the "last updated" dates come from (and whether history is shallow), if a git work tree. */
function gitState(dir: string): string {
  try {
    return execFileSync("git", ["rev-parse", "HEAD", "--is-shallow-repository"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "no-git";
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
