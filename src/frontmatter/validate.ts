// Validates parsed front matter against the schema and the site's data, naming file:line and field.
import { closest, distance } from "fastest-levenshtein";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { locateKey } from "./locate.ts";
import { frontMatterSchema, KNOWN_FLAG_KEYS, KNOWN_KEYS, PASS_THROUGH_KEYS, type FrontMatter } from "./schema.ts";

export interface SiteVocabulary {
  layouts: readonly string[];
  contributors: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  /** Extra front matter keys a site's layouts read (from `_data/site.yaml` `frontMatterKeys`). */
  extraKeys?: ReadonlySet<string>;
}

export interface ValidationResult {
  /** The validated data, or undefined when it has errors. */
  data: FrontMatter | undefined;
  diagnostics: Omit<Diagnostic, "file">[];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function suggestion(key: string, known: readonly string[]): string | undefined {
  const best = closest(key, known as string[]);
  return best && distance(key, best) <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

export function validateFrontMatter(data: unknown, yaml: string, startLine: number, vocab: SiteVocabulary): ValidationResult {
  const diagnostics: Omit<Diagnostic, "file">[] = [];
  const lineOf = (path: readonly (string | number)[]) => {
    const idx = locateKey(yaml, path);
    return idx === undefined ? startLine - 1 : startLine + idx;
  };

  if (data === undefined || data === null) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    diagnostics.push({
      severity: "error",
      code: "FM_NOT_MAPPING",
      message: `front matter must be a mapping of keys to values, but it is ${describe(data)}`,
      line: startLine,
      hint: "write `key: value` lines between the `---` fences, e.g. `title: My page`",
    });
    return { data: undefined, diagnostics };
  }
  const record = data as Record<string, unknown>;

  for (const key of Object.keys(record)) {
    if (KNOWN_KEYS.includes(key) || PASS_THROUGH_KEYS.has(key) || vocab.extraKeys?.has(key)) continue;
    const best = suggestion(key, KNOWN_KEYS);
    diagnostics.push({
      severity: "warning",
      code: "FM_UNKNOWN_KEY",
      message: `unknown front matter key \`${key}\``,
      line: lineOf([key]),
      hint: best ? `did you mean \`${best}\`?` : `known keys: ${KNOWN_KEYS.join(", ")}`,
    });
  }
  const flags = record.flags;
  if (flags && typeof flags === "object" && !Array.isArray(flags)) {
    for (const key of Object.keys(flags)) {
      if (KNOWN_FLAG_KEYS.includes(key)) continue;
      const best = suggestion(key, KNOWN_FLAG_KEYS);
      diagnostics.push({
        severity: "warning",
        code: "FM_UNKNOWN_KEY",
        message: `unknown flag \`flags.${key}\``,
        line: lineOf(["flags", key]),
        hint: best ? `did you mean \`flags.${best}\`?` : `known flags: ${KNOWN_FLAG_KEYS.join(", ")}`,
      });
    }
  }
  // Unknown flags are warnings above, so validate flags without them.
  const checked = { ...record };
  if (flags && typeof flags === "object" && !Array.isArray(flags)) {
    checked.flags = Object.fromEntries(Object.entries(flags).filter(([k]) => KNOWN_FLAG_KEYS.includes(k)));
  }

  const parsed = frontMatterSchema.safeParse(checked);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const field = path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
      const missing = issue.code === "invalid_type" && path.length > 0 && getPath(record, path) === undefined;
      diagnostics.push({
        severity: "error",
        code: missing ? "FM_MISSING_FIELD" : "FM_INVALID_FIELD",
        message: missing
          ? `missing required field \`${field}\``
          : `\`${field}\` ${issue.code === "invalid_type" ? `must be ${expected(issue)}, but it is ${describe(getPath(record, path))}` : issue.message}`,
        line: missing ? startLine - 1 : lineOf(path),
        hint: missing ? `add \`${field}: …\` to the front matter` : hintFor(field),
      });
    }
    return { data: undefined, diagnostics };
  }

  const fm = parsed.data;
  if (fm.layout !== undefined && !vocab.layouts.includes(fm.layout)) {
    const best = suggestion(fm.layout, vocab.layouts);
    diagnostics.push({
      severity: "error",
      code: "FM_UNKNOWN_LAYOUT",
      message: `unknown layout \`${fm.layout}\`; ${vocab.layouts.length ? `the known layouts are ${vocab.layouts.map((l) => `\`${l}\``).join(", ")}` : "the site has no layouts in _includes/"}`,
      line: lineOf(["layout"]),
      hint: best ? `did you mean \`${best}\`?` : "use one of the known layouts, or remove `layout:` to get `article`",
    });
  }
  fm.contributors?.forEach((slug, i) => {
    if (vocab.contributors.has(slug)) return;
    diagnostics.push({
      severity: "warning",
      code: "FM_UNKNOWN_CONTRIBUTOR",
      message: `contributor \`${slug}\` is not in _data/contributors.yaml; it is shown as plain text`,
      line: lineOf(["contributors", i]),
      hint: `add \`${slug}:\` with a \`name:\` to _data/contributors.yaml, or fix the spelling`,
    });
  });
  fm.tags?.forEach((tag, i) => {
    if (vocab.tags.has(tag)) return;
    const best = suggestion(tag, [...vocab.tags]);
    diagnostics.push({
      severity: "warning",
      code: "FM_UNKNOWN_TAG",
      message: `tag \`${tag}\` is not in _data/tags.yaml; it is shown as plain text`,
      line: lineOf(["tags", i]),
      hint: best ? `did you mean \`${best}\`? Otherwise add it to _data/tags.yaml` : "add it to _data/tags.yaml, or fix the spelling",
    });
  });
  return { data: diagnostics.some((d) => d.severity === "error") ? undefined : fm, diagnostics };
}

function getPath(value: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = value;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function expected(issue: { message: string }): string {
  const m = /expected (\w+)/.exec(issue.message);
  const type = m?.[1] ?? "another type";
  return { string: "text", boolean: "true or false", array: "a list", number: "a number", object: "a mapping" }[type] ?? type;
}

function hintFor(field: string): string {
  if (field.startsWith("flags.logzio-plan")) return "write `community`, `pro`, `enterprise`, or a list such as `pro enterprise`";
  if (/^flags\.(beta|alpha|admin)$/.test(field)) return `write \`${field.split(".")[1]}: true\` or \`false\`, without quotes`;
  if (field === "title") return "write the title as text on one line, e.g. `title: Comparing traces`";
  if (/^(tags|contributors)/.test(field)) return "write a list: one `- item` per line under the key";
  return "fix the value's type";
}
