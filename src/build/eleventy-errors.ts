// Turns an exception out of Eleventy (Liquid, Nunjucks, our plugins) into a file:line diagnostic.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { DocsError } from "../diagnostics/diagnostic.ts";
import { displayPath, type SourceRegistry } from "../diagnostics/source-lines.ts";

interface LiquidLikeError extends Error {
  token?: { getPosition?: () => [number, number]; input?: string; file?: string };
  originalError?: unknown;
}

function chain(error: unknown): Error[] {
  const out: Error[] = [];
  let e: unknown = error;
  while (e instanceof Error && out.length < 20) {
    out.push(e);
    e = (e as LiquidLikeError).originalError ?? e.cause;
  }
  return out;
}

/** Returns undefined for a crash of our own code (which must keep its stack trace). */
export function diagnosticFromEleventyError(error: unknown, sources: SourceRegistry): Diagnostic | undefined {
  const errors = chain(error);
  const docs = errors.find((e): e is DocsError => e instanceof DocsError);
  if (docs) return docs.toDiagnostic();

  const pathMatch = errors.map((e) => /(\.{0,2}\/[^\s()`'"]+\.(?:md|html|njk|liquid))/.exec(e.message)?.[1]).find(Boolean);
  const file = pathMatch ? displayPath(pathMatch) : undefined;
  const liquid = errors.find((e): e is LiquidLikeError => typeof (e as LiquidLikeError).token?.getPosition === "function");
  if (liquid) {
    const [line, column] = liquid.token!.getPosition!();
    const included = liquid.token!.file;
    const message = liquid.message
      .replace(/\n[\s\S]*$/, "")
      .replace(/, line:\d+, col:\d+$/, "")
      .replace(/, file:\S+$/, "");
    const inInclude = included && file && !included.endsWith(file.split("/").pop() ?? "\0");
    return {
      severity: "error",
      code: /undefined filter/.test(message) ? "LIQUID_UNKNOWN_FILTER" : /not found|ENOENT/.test(message) ? "LIQUID_MISSING_INCLUDE" : "LIQUID_ERROR",
      message: inInclude ? `${message} (in ${displayPath(included)})` : message,
      file,
      line: file && !inInclude ? sources.fileLine(file, line - 1) : undefined,
      column: inInclude ? undefined : column,
      hint: /undefined filter/.test(message)
        ? "check the filter's name; Jekyll's filters are listed in the README"
        : /not found|ENOENT/.test(message)
          ? "check the include's file name in the content folder's _includes/"
          : "check the Liquid tag's syntax: every `{%` needs a matching `%}` and block tags need their end tag",
    };
  }
  if (file) {
    const root = errors[errors.length - 1]!;
    return { severity: "error", code: "RENDER_ERROR", message: root.message.split("\n")[0] ?? root.message, file, hint: "see the message above; fix the page and build again" };
  }
  return undefined;
}
