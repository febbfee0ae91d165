// Ruby Liquid's lax mode for `{{ … }}` outputs that strict Liquid rejects, e.g. `{{$labels.path}}`.
//
// Jekyll parses Liquid with `error_mode: warn`: a malformed output is read leniently (Liquid's
// VariableLookup keeps the `[\w-]+` parts and brackets, so `$labels.path` is `labels.path`) and a warning
// is printed. We rewrite such an output to that reading, on the same lines, and report LIQUID_LAX.
import { Liquid } from "liquidjs";

export interface LaxFinding {
  /** 0-based line in the text. */
  line: number;
  original: string;
  /** The strict Liquid it is read as. */
  readAs: string;
}

const syntax = new Liquid();
const VERBATIM = /\{%-?\s*(raw|comment)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g;
const OUTPUT = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;
// Ruby Liquid's QuotedFragment, then VariableParser.
const FRAGMENT = /^\s*("[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+)([\s\S]*)$/;
const LOOKUP = /\[[^\]]+\]|[\w-]+\??/g;

function parses(output: string): boolean {
  try {
    syntax.parse(output);
    return true;
  } catch {
    return false;
  }
}

/** The lax reading of an output's inside, as strict Liquid. */
function laxReading(inner: string): string {
  const m = FRAGMENT.exec(inner);
  if (!m) return "";
  const [, first = "", rest = ""] = m;
  if (/^["']/.test(first) || /^-?\d+(\.\d+)?$/.test(first)) return first;
  const parts = first.match(LOOKUP) ?? [];
  if (parts.length === 0) return "";
  const lookup = parts.map((p, i) => (i === 0 || p.startsWith("[") ? p : `.${p}`)).join("");
  // `default` keeps a missing value quiet: the LIQUID_LAX warning already points here.
  const quiet = `${lookup} | default: ""`;
  return parses(`{{ ${quiet} ${rest} }}`) ? `${quiet} ${rest.trim()}`.trim() : quiet;
}

/** Rewrites lax outputs in `text` (keeping every line where it was) and lists them. */
export function rewriteLax(text: string): { text: string; findings: LaxFinding[] } {
  if (!text.includes("{{")) return { text, findings: [] };
  const verbatim: [number, number][] = [];
  for (const m of text.matchAll(VERBATIM)) verbatim.push([m.index, m.index + m[0].length]);
  const findings: LaxFinding[] = [];
  const out = text.replace(OUTPUT, (whole: string, l: string, inner: string, r: string, offset: number) => {
    if (verbatim.some(([a, b]) => offset >= a && offset < b) || parses(whole)) return whole;
    const readAs = laxReading(inner);
    findings.push({ line: text.slice(0, offset).split("\n").length - 1, original: whole, readAs: `{{ ${readAs.replace(' | default: ""', "")} }}` });
    // Keep the newlines the output spanned, so later lines keep their numbers.
    const newlines = "\n".repeat((whole.match(/\n/g) ?? []).length);
    return `{{${l} ${readAs}${newlines} ${r}}}`;
  });
  return { text: out, findings };
}
