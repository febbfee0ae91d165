// Arguments of the trace tags, Jekyll-style: quoted paths, then `key=value` options and bare flags.
//
//   {% trace "traces/checkout.json" collapse=2 highlight="a1b2c3,d4e5f6" critical-path %}
//   {% tracegraph "traces/checkout.json" %}
//   {% tracecompare "traces/checkout.json" "traces/checkout-b.json" %}
import { closest } from "fastest-levenshtein";

export interface TagArgs {
  /** Quoted arguments, in order. */
  paths: string[];
  /** `key=value` options (value unquoted) and bare flags (`true`). */
  options: Map<string, string | true>;
  /** Text that is none of the above. */
  junk: string[];
}

// A quoted string | a name with an optional `=value` (quoted or bare) | anything else up to a space.
const ARG = /"([^"]*)"|'([^']*)'|([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?|(\S+)/g;

export function parseTagArgs(args: string): TagArgs {
  const out: TagArgs = { paths: [], options: new Map(), junk: [] };
  for (const m of args.matchAll(ARG)) {
    const [, dq, sq, key, vdq, vsq, vbare, other] = m;
    if (dq !== undefined || sq !== undefined) out.paths.push((dq ?? sq)!);
    else if (key !== undefined) out.options.set(key, vdq ?? vsq ?? vbare ?? true);
    else if (other !== undefined) out.junk.push(other);
  }
  return out;
}

export interface TagSpec {
  name: string;
  /** How many trace paths the tag takes. */
  paths: number;
  /** Option names it understands; `true` marks a flag. */
  options: Record<string, "flag" | "value">;
}

export const TAG_SPECS = {
  trace: { name: "trace", paths: 1, options: { collapse: "value", highlight: "value", "critical-path": "flag" } },
  tracegraph: { name: "tracegraph", paths: 1, options: {} },
  tracecompare: { name: "tracecompare", paths: 2, options: {} },
} as const satisfies Record<string, TagSpec>;

export interface ArgProblem {
  severity: "error" | "warning";
  code: "TRACE_BAD_ARGS" | "TRACE_UNKNOWN_OPTION";
  message: string;
  hint: string;
}

const usage = (spec: TagSpec) =>
  `Write {% ${spec.name} ${spec.paths === 2 ? '"a.json" "b.json"' : '"traces/file.json"'}${Object.keys(spec.options)
    .map((o) => (spec.options[o] === "flag" ? ` ${o}` : ` ${o}=…`))
    .join("")} %}.`;

/** Check the arguments against the tag; unknown options are warnings with a did-you-mean hint. */
export function checkTagArgs(spec: TagSpec, args: TagArgs): ArgProblem[] {
  const problems: ArgProblem[] = [];
  if (args.paths.length !== spec.paths) {
    problems.push({
      severity: "error",
      code: "TRACE_BAD_ARGS",
      message: `{% ${spec.name} %} takes ${spec.paths === 1 ? "one quoted trace path" : "two quoted trace paths"}, got ${args.paths.length}`,
      hint: usage(spec),
    });
  }
  for (const j of args.junk) {
    problems.push({ severity: "error", code: "TRACE_BAD_ARGS", message: `{% ${spec.name} %}: cannot read "${j}"`, hint: usage(spec) });
  }
  const known = Object.keys(spec.options);
  for (const [key, value] of args.options) {
    const kind = spec.options[key as keyof typeof spec.options];
    if (!kind) {
      problems.push({
        severity: "warning",
        code: "TRACE_UNKNOWN_OPTION",
        message: `{% ${spec.name} %}: unknown option "${key}"; it is ignored`,
        hint: known.length ? `Did you mean "${closest(key, known)}"? ${usage(spec)}` : `{% ${spec.name} %} takes no options.`,
      });
    } else if ((kind === "flag") !== (value === true)) {
      problems.push({
        severity: "error",
        code: "TRACE_BAD_ARGS",
        message: `{% ${spec.name} %}: option "${key}" ${kind === "flag" ? "takes no value" : "needs a value"}`,
        hint: usage(spec),
      });
    }
  }
  return problems;
}
