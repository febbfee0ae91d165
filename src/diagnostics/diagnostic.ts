// Diagnostics: the one shape every stage uses to report a writer's mistake (file:line, code, hint).

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `FM_UNKNOWN_KEY`. Tests and CI key on it. */
  code: string;
  message: string;
  /** Path of the source file, relative to the project root when possible. */
  file?: string;
  /** 1-based line, counted from the top of the file (front matter included). */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** One sentence telling the writer how to fix it. */
  hint?: string;
}

/**
 * A writer-facing failure thrown by a stage that cannot go on. It carries everything a
 * Diagnostic needs, so the build can report it without a stack trace. Stages declare
 * one-line subclasses next to the code that throws them.
 */
export class DocsError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(d: Omit<Diagnostic, "severity">, options?: { cause?: unknown }) {
    super(d.message, options);
    this.name = new.target.name;
    this.code = d.code;
    this.file = d.file;
    this.line = d.line;
    this.column = d.column;
    this.hint = d.hint;
  }

  toDiagnostic(): Diagnostic {
    const { code, message, file, line, column, hint } = this;
    return { severity: "error", code, message, file, line, column, hint };
  }
}

/** What makes two findings the same one: reported twice, it counts once. */
export function diagnosticKey(d: Diagnostic): string {
  return `${d.severity}|${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
}

/** Collects diagnostics across a whole build, so every mistake is reported at once. */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];
  readonly #seen = new Set<string>();

  report(d: Diagnostic): void {
    // Eleventy may render a template more than once (e.g. for collections); report each fault once.
    const key = diagnosticKey(d);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#items.push(d);
  }

  /** Whether this finding was reported already. */
  has(d: Diagnostic): boolean {
    return this.#seen.has(diagnosticKey(d));
  }

  error(d: Omit<Diagnostic, "severity">): void {
    this.report({ ...d, severity: "error" });
  }

  warn(d: Omit<Diagnostic, "severity">): void {
    this.report({ ...d, severity: "warning" });
  }

  get errors(): Diagnostic[] {
    return this.#items.filter((d) => d.severity === "error");
  }

  get warnings(): Diagnostic[] {
    return this.#items.filter((d) => d.severity === "warning");
  }

  /** True when the build must fail: any error, or any warning under `--strict`. */
  failed(strict: boolean): boolean {
    return this.#items.some((d) => d.severity === "error" || strict);
  }

  /** Sorted by file, line, column, then code, so output is deterministic. */
  sorted(): Diagnostic[] {
    return [...this.#items].sort(compareDiagnostics);
  }

  clear(): void {
    this.#items.length = 0;
    this.#seen.clear();
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "", "en") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.code.localeCompare(b.code, "en") ||
    a.message.localeCompare(b.message, "en")
  );
}
