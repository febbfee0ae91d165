// Prints diagnostics: for people (code frame + hint), as JSON for CI, or as GitHub annotations.
import fs from "node:fs";
import type { Diagnostic } from "./diagnostic.ts";

export type ReporterName = "pretty" | "json" | "github";
export const REPORTERS: readonly ReporterName[] = ["pretty", "json", "github"];

export interface FormatOptions {
  color?: boolean;
  /** Read a file's lines for the code frame; injectable for tests. */
  readLines?: (file: string) => string[] | undefined;
}

function defaultReadLines(file: string): string[] | undefined {
  try {
    return fs.readFileSync(file, "utf8").split("\n");
  } catch {
    return undefined;
  }
}

export function location(d: Diagnostic): string {
  if (!d.file) return "";
  return `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : ""}: `;
}

export function codeFrame(lines: string[], line: number, column?: number): string {
  const from = Math.max(1, line - 1);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = (lines[n - 1] ?? "").replace(/\r$/, "").replace(/\t/g, "  ");
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`);
    if (n === line && column) out.push(`  ${" ".repeat(width)} | ${" ".repeat(column - 1)}^`);
  }
  return out.join("\n");
}

export function formatPretty(diagnostics: Diagnostic[], options: FormatOptions = {}): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const readLines = options.readLines ?? defaultReadLines;
  return diagnostics
    .map((d) => {
      const sev = d.severity === "error" ? paint("31;1", "error") : paint("33;1", "warning");
      const parts = [`${location(d)}${sev}[${d.code}]: ${d.message}`];
      const lines = d.file && d.line ? readLines(d.file) : undefined;
      if (lines && d.line) parts.push(paint("2", codeFrame(lines, d.line, d.column)));
      if (d.hint) parts.push(`  ${paint("36", "hint")}: ${d.hint}`);
      return parts.join("\n");
    })
    .join("\n\n");
}

export function formatJson(diagnostics: Diagnostic[], ok: boolean): string {
  return JSON.stringify(
    {
      ok,
      errors: diagnostics.filter((d) => d.severity === "error").length,
      warnings: diagnostics.filter((d) => d.severity === "warning").length,
      diagnostics,
    },
    null,
    2,
  );
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands */
export function formatGithub(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        d.file && `file=${escapeProperty(d.file)}`,
        d.line && `line=${d.line}`,
        d.column && `col=${d.column}`,
        `title=${escapeProperty(d.code)}`,
      ].filter(Boolean);
      return `::${d.severity} ${props.join(",")}::${escapeData(d.message + (d.hint ? `\nhint: ${d.hint}` : ""))}`;
    })
    .join("\n");
}
