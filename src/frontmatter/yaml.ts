// Parses front matter YAML with js-yaml's safe default schema, turning failures into diagnostics.
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** More aliases than this in one page's front matter is an attack or a mistake (S5). */
export const MAX_ALIASES = 50;

export interface YamlResult {
  /** Undefined when the YAML could not be parsed. */
  data: unknown;
  diagnostics: Omit<Diagnostic, "file">[];
}

function lineOfUnclosedQuote(text: string): number | undefined {
  // js-yaml reports an unclosed quote at the end of the stream; writers need the line where it opens.
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const value = /^\s*(?:-\s+)?(?:[^\s:#][^:]*:\s+)?(["'])(.*)$/.exec(lines[i] ?? "");
    if (!value) continue;
    const [, quote, rest = ""] = value;
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.replace(/''/g, "").includes("'");
    if (!closed) return i;
  }
  return undefined;
}

function countAliases(text: string): number {
  return (text.match(/(^|[\s[{,:-])\*[^\s,\]}]+/g) ?? []).length;
}

/**
 * @param text the YAML between the fences
 * @param startLine 1-based file line of the first YAML line
 * @param codePrefix `FM` for front matter, `DATA` for `_data` files: the diagnostics' code prefix
 */
export function parseYaml(text: string, startLine: number, codePrefix: "FM" | "DATA" = "FM"): YamlResult {
  const diagnostics: Omit<Diagnostic, "file">[] = [];
  const aliases = countAliases(text);
  if (aliases > MAX_ALIASES) {
    diagnostics.push({
      severity: "error",
      code: `${codePrefix}_YAML_ALIASES`,
      message: `${codePrefix === "FM" ? "front matter uses" : "the file uses"} ${aliases} YAML aliases (the limit is ${MAX_ALIASES})`,
      line: startLine,
      hint: "write the values out instead of using `*alias` references",
    });
    return { data: undefined, diagnostics };
  }
  try {
    return { data: yaml.load(text, { schema: yaml.DEFAULT_SCHEMA }), diagnostics };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const line0 = error.mark?.line ?? 0;
    if (/duplicated mapping key/.test(error.reason)) {
      // Ruby's YAML (Jekyll) keeps the last value of a duplicated key; so do we, with a warning.
      diagnostics.push({
        severity: "warning",
        code: `${codePrefix}_DUPLICATE_KEY`,
        message: "duplicated key; the last value wins",
        line: startLine + line0,
        column: (error.mark?.column ?? 0) + 1,
        hint: "remove one of the two entries",
      });
      return { data: yaml.load(text, { schema: yaml.DEFAULT_SCHEMA, json: true }), diagnostics };
    }
    const unclosed = /within a (double|single) quoted scalar|unexpected end of the stream/.test(error.reason)
      ? lineOfUnclosedQuote(text)
      : undefined;
    const unknownTag = /unknown tag/.test(error.reason);
    diagnostics.push({
      severity: "error",
      code: unknownTag ? `${codePrefix}_YAML_TAG` : `${codePrefix}_YAML_SYNTAX`,
      message: `invalid YAML${codePrefix === "FM" ? " in front matter" : ""}: ${error.reason}`,
      line: startLine + (unclosed ?? line0),
      column: unclosed === undefined ? (error.mark?.column ?? 0) + 1 : undefined,
      hint: unknownTag
        ? "custom YAML tags (`!tag`) are not allowed in front matter; write a plain value"
        : unclosed !== undefined
          ? "close the quote on the same line, or remove it"
          : /tab/.test(error.reason)
            ? "indent with spaces, not tabs"
            : "check the indentation and quoting on this line",
    });
    return { data: undefined, diagnostics };
  }
}
