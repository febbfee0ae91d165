// Pages written to disk on libuv's thread pool, not on the thread the build waits for.
//
// Why: Eleventy 3.1 writes each page with `fs.writeFileSync`, after a `mkdirSync` of its folder, on
// its only thread (on purpose: an unbounded number of async writes ran out of file handles,
// 11ty/eleventy#3271). On this machine's disk that was 1.1–2.1 s of a 4,000-page build, plus 0.3–1.3 s
// of mkdir, all while rendering waited (BENCHMARKS.md, session 13). Eleventy's own async mode
// (`configureTemplateHandling({ writeMode: "async" })`) is not a way out: Template.js looks for it
// on its TemplateConfig, where it never is, and would await each file before rendering the next.
//
// Here each template gets a stand-in for its file-system manager: a write is queued, and at most
// `concurrency` files are being written at once, so the handles stay bounded as #3271 wants. Eleventy
// has no hook for this, so the stand-in is set on each template of the map as it is filled (see
// template-map.ts); templates Eleventy makes later (pagination clones) keep writing on their own.
// Whatever reads the output folder waits for `settled()`; the build waits for it before the folder
// is swapped in, and a failed write fails the build with the file it could not write.
import fs from "node:fs";
import path from "node:path";
import type Eleventy from "@11ty/eleventy";
import { DocsError } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { onTemplateMap } from "./template-map.ts";

export const OUTPUT_WRITE_FAILED = "OUTPUT_WRITE_FAILED";

interface Job {
  file: string;
  content: string | Uint8Array;
  inputPath: string;
}

/** The part of Eleventy's FileSystemManager that Template#_write calls. */
interface TemplateFiles {
  createDirectoryForFileSync(file: string): void;
  createDirectoryForFile(file: string): Promise<void>;
  writeFileSync(file: string, content: string | Uint8Array): void;
  writeFile(file: string, content: string | Uint8Array): Promise<void>;
}

/** One build's page writes. */
export class PageWrites {
  readonly #concurrency: number;
  readonly #queue: Job[] = [];
  #active = 0;
  /** Folders made (or being made), each by its first write. */
  readonly #folders = new Map<string, Promise<void>>();
  #failure: DocsError | undefined;
  #waiting: (() => void)[] = [];

  constructor(options: { concurrency?: number } = {}) {
    this.#concurrency = options.concurrency ?? 8;
  }

  /** Queue `content` to be written to `file` (its folder is made first); `inputPath` names the page if it fails. */
  write(file: string, content: string | Uint8Array, inputPath: string): void {
    if (this.#failure) return;
    this.#queue.push({ file, content, inputPath });
    this.#pump();
  }

  /**
   * Resolves once every write queued so far is on disk, or rejects with the first that failed (an
   * OUTPUT_WRITE_FAILED error naming the page); after a failure, later writes are dropped.
   */
  async settled(): Promise<void> {
    if (this.#active > 0 || this.#queue.length > 0) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (this.#failure) throw this.#failure;
  }

  /** `settled()` as a yes or no, for stages that read the output: the build itself reports a failure. */
  onDisk(): Promise<boolean> {
    return this.settled().then(
      () => true,
      () => false,
    );
  }

  /** What a template writes through instead of Eleventy's own manager. */
  filesFor(inputPath: string): TemplateFiles {
    return {
      // Each write makes its own folder first, on the pool too.
      createDirectoryForFileSync: () => undefined,
      createDirectoryForFile: async () => undefined,
      writeFileSync: (file, content) => this.write(file, content, inputPath),
      writeFile: async (file, content) => this.write(file, content, inputPath),
    };
  }

  #pump(): void {
    while (this.#active < this.#concurrency && this.#queue.length > 0 && !this.#failure) {
      const job = this.#queue.shift()!;
      this.#active++;
      this.#folder(path.dirname(job.file))
        .then(() => new Promise<void>((resolve, reject) => fs.writeFile(job.file, job.content, (error) => (error ? reject(error) : resolve()))))
        .catch((error: unknown) => this.#fail(job, error))
        .finally(() => {
          this.#active--;
          this.#pump();
          this.#wake();
        });
    }
    if (this.#failure) this.#queue.length = 0;
  }

  #folder(dir: string): Promise<void> {
    let made = this.#folders.get(dir);
    if (!made) {
      made = new Promise<void>((resolve, reject) => fs.mkdir(dir, { recursive: true }, (error) => (error ? reject(error) : resolve())));
      this.#folders.set(dir, made);
    }
    return made;
  }

  #fail(job: Job, error: unknown): void {
    if (this.#failure) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.#failure = new DocsError(
      {
        code: OUTPUT_WRITE_FAILED,
        message: `could not write ${displayPath(job.file)}: ${reason}`,
        file: displayPath(job.inputPath),
        hint: "check that the output folder is writable, that the disk has room, and that no folder stands where the page's file goes",
      },
      { cause: error },
    );
  }

  #wake(): void {
    if (this.#active > 0 || (this.#queue.length > 0 && !this.#failure)) return;
    this.#queue.length = 0;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}

/**
 * Make this instance's templates write through `writes`. Call after `init()` and before `write()`.
 * Returns false where Eleventy's internals are not as expected: the pages are then written by
 * Eleventy itself, as before.
 */
export function writePagesThrough(eleventy: Eleventy, writes: PageWrites): boolean {
  return onTemplateMap(eleventy, (map) => {
    for (const entry of map) {
      const template = entry.template as { inputPath?: unknown } | undefined;
      if (!template || typeof template !== "object" || !("fsManager" in template)) continue;
      const inputPath = typeof template.inputPath === "string" ? template.inputPath : entry.inputPath;
      Object.defineProperty(template, "fsManager", { value: writes.filesFor(inputPath), configurable: true });
    }
  });
}
