// Reads the guide's Markdown sources: pages, front matter, headings (kramdown ids), links and code blocks.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const CONTENT = path.join(ROOT, "content");
export const GUIDE_PREFIX = "/user-guide/distributed-tracing/";

export interface Page {
  /** Path relative to content/, e.g. `distributed-tracing/api.md`. */
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

/** Every page the site builds from content/: Markdown outside `_includes/`, `traces/` and README files. */
export function listPages(): Page[] {
  const out: Page[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name === "traces" || entry.name === "node_modules") continue;
        walk(abs);
      } else if (entry.name.endsWith(".md") && entry.name !== "README.md") {
        out.push(readPage(path.relative(CONTENT, abs)));
      }
    }
  };
  walk(CONTENT);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export function readPage(file: string): Page {
  const text = fs.readFileSync(path.join(CONTENT, file), "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return { file, data: {}, body: text, bodyLine: 1 };
  const data = (yaml.load(m[1]!, { schema: yaml.JSON_SCHEMA }) ?? {}) as Record<string, unknown>;
  return { file, data, body: text.slice(m[0].length), bodyLine: m[0].split("\n").length };
}

/** The include files under content/_includes/. */
export function listIncludes(): { file: string; body: string }[] {
  const dir = path.join(CONTENT, "_includes");
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".md") || f.endsWith(".html"))
    .map((f) => ({ file: `_includes/${f}`, body: fs.readFileSync(path.join(dir, f), "utf8") }));
}

/** Lines outside fenced code blocks, with their 1-based index in `body`. */
function proseLines(body: string): { text: string; n: number }[] {
  const out: { text: string; n: number }[] = [];
  let fence: string | null = null;
  body.split("\n").forEach((text, i) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(text);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      return;
    }
    if (fence === null) out.push({ text, n: i + 1 });
  });
  return out;
}

/** The plain text of a heading's inline Markdown: code spans, emphasis, links and HTML tags unwrapped. */
export function headingText(raw: string): string {
  return raw
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(\*\*|__|\*|_)(\S[^*_]*?)\1/g, "$2")
    .trim();
}

/** kramdown's GFM id rule (COMPAT.md): lower-case, keep letters/digits/space/-/_, spaces → `-`. */
export function kramdownId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

export interface Heading {
  level: number;
  text: string;
  id: string;
}

/** ATX headings of a page in order, with kramdown ids (explicit `{#id}` wins; repeats numbered -1, -2…). */
export function headings(body: string): Heading[] {
  const seen = new Map<string, number>();
  const out: Heading[] = [];
  for (const { text } of proseLines(body)) {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    let raw = m[2]!;
    const explicit = /\s*\{#([\w-]+)\}$/.exec(raw);
    if (explicit) raw = raw.slice(0, explicit.index);
    let id = explicit ? explicit[1]! : kramdownId(headingText(raw));
    if (!explicit) {
      const n = seen.get(id);
      seen.set(id, (n ?? -1) + 1);
      if (n !== undefined) id = `${id}-${n + 1}`;
    }
    out.push({ level: m[1]!.length, text: headingText(raw), id });
  }
  return out;
}

/** Ids a link fragment may target on a page: heading ids plus `id="…"` attributes in its HTML (tabs). */
export function anchorIds(body: string): Set<string> {
  const ids = new Set(headings(body).map((h) => h.id));
  for (const { text } of proseLines(body)) for (const m of text.matchAll(/\bid="([^"]+)"/g)) ids.add(m[1]!);
  return ids;
}

export interface Link {
  href: string;
  line: number;
}

/** Link targets in prose: Markdown `[text](href)` and HTML `href="…"`; code spans ignored. */
export function links(body: string): Link[] {
  const out: Link[] = [];
  for (const { text, n } of proseLines(body)) {
    const prose = text.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push({ href: m[1]!, line: n });
    for (const m of prose.matchAll(/href="([^"]+)"/g)) out.push({ href: m[1]!, line: n });
  }
  return out;
}

export interface CodeBlock {
  lang: string;
  code: string;
  /** 1-based line of the opening fence within the text it came from. */
  line: number;
}

/** Fenced code blocks, with their info-string language. */
export function codeBlocks(body: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (new RegExp(`^\\s*${fence![0]}{${fence!.length},}\\s*$`).test(lines[j]!)) break;
      code.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
    }
    out.push({ lang: lang!.toLowerCase(), code: code.join("\n"), line: i + 1 });
    i = j;
  }
  return out;
}
