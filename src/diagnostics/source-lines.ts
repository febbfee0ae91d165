// Maps a line inside a page's Markdown body back to the line in the source file.
//
// markdown-it token maps count from the start of the body it was given, but writers (and
// the contract) count from the top of the file, front matter included.
import path from "node:path";
import type { Diagnostic } from "./diagnostic.ts";
import type { Diagnostics } from "./diagnostic.ts";

// Each answer of `displayPath`, kept: it is asked about the same few thousand paths many times per
// page (0.26 s of path.relative and path.resolve at 4,000 pages).
const shownPaths = new Map<string, string>();

/** Project-relative, forward-slash path: the form every diagnostic uses. */
export function displayPath(file: string, root = process.cwd()): string {
  const key = `${root}\0${file}`;
  let shown = shownPaths.get(key);
  if (shown === undefined) {
    const rel = path.relative(root, path.resolve(root, file));
    shown = (rel.startsWith("..") ? path.resolve(root, file) : rel).split(path.sep).join("/");
    shownPaths.set(key, shown);
  }
  return shown;
}

export class SourceRegistry {
  readonly #bodyStart = new Map<string, number>();

  constructor(readonly root: string = process.cwd()) {}

  /** Record that the body of `file` starts at 1-based line `line` (after the front matter). */
  setBodyStart(file: string, line: number): void {
    this.#bodyStart.set(displayPath(file, this.root), line);
  }

  /** 1-based file line for a 0-based line of the body (as in markdown-it's `token.map`). */
  fileLine(file: string, bodyLine0: number): number {
    return (this.#bodyStart.get(displayPath(file, this.root)) ?? 1) + bodyLine0;
  }

  bodyStart(file: string): number {
    return this.#bodyStart.get(displayPath(file, this.root)) ?? 1;
  }
}

/** The page's input path from a markdown-it env / Eleventy data object, if it has one. */
export function inputPathOf(env: unknown): string | undefined {
  const page = (env as { page?: { inputPath?: unknown } } | undefined)?.page;
  return typeof page?.inputPath === "string" ? page.inputPath : undefined;
}

/**
 * How a markdown-it rule reports a writer's mistake. `bodyLine` is `token.map[0]`; the
 * reporter turns it into `file:line` using the page in `env`.
 */
export type MarkdownReport = (
  env: unknown,
  bodyLine: number | undefined,
  d: Omit<Diagnostic, "file" | "line">,
) => void;

export function markdownReporter(diagnostics: Diagnostics, sources: SourceRegistry): MarkdownReport {
  return (env, bodyLine, d) => {
    const file = inputPathOf(env);
    diagnostics.report({
      ...d,
      file: file ? displayPath(file, sources.root) : undefined,
      line: file && bodyLine !== undefined ? sources.fileLine(file, bodyLine) : undefined,
    });
  };
}
