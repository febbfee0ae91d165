// Runs markdown-it fixture files (`.` / input / `.` / expected HTML / `.`) and compares parsed DOMs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { parseFragment } from "../helpers/html.ts";

export interface Fixture {
  title: string;
  /** 1-based line of the case's first `.` in the fixture file. */
  line: number;
  input: string;
  expected: string;
}

/**
 * The format of markdown-it's own fixtures: a title line, then `.`, the Markdown, `.`, the
 * expected HTML, `.`. Lines outside cases (e.g. a header) are ignored unless followed by `.`.
 */
export function readFixtures(file: string): Fixture[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const fixtures: Fixture[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== ".") continue;
    const start = i;
    const input: string[] = [];
    const expected: string[] = [];
    for (i++; i < lines.length && lines[i] !== "."; i++) input.push(lines[i]!);
    for (i++; i < lines.length && lines[i] !== "."; i++) expected.push(lines[i]!);
    if (i >= lines.length) throw new Error(`${file}:${start + 1}: unterminated fixture`);
    fixtures.push({
      title: (lines[start - 1] ?? "").trim() || `case at line ${start + 1}`,
      line: start + 1,
      input: input.join("\n") + "\n",
      expected: expected.join("\n"),
    });
  }
  return fixtures;
}

/** A node as the comparison sees it: tag, sorted attributes (class words sorted), children. */
type NormalNode = string | { tag: string; attrs: Record<string, string>; children: NormalNode[] };

export function normalise(html: string, ignore?: string): NormalNode[] {
  const root = parseFragment(html);
  if (ignore) for (const el of root.querySelectorAll(ignore)) el.remove();
  return normaliseChildren(root);
}

function normaliseChildren(el: Element): NormalNode[] {
  const out: NormalNode[] = [];
  for (const node of el.childNodes) {
    if (node.nodeType === 3) {
      // Whitespace between tags is layout, not content (except inside <pre>, kept as is).
      const text = el.closest("pre") ? node.textContent ?? "" : (node.textContent ?? "").replace(/\s+/g, " ");
      const last = out.at(-1);
      if (typeof last === "string") out[out.length - 1] = last + text;
      else if (text !== "") out.push(text);
    } else if (node.nodeType === 1) {
      const child = node as Element;
      const attrs: Record<string, string> = {};
      for (const name of [...child.getAttributeNames()].sort()) {
        const value = child.getAttribute(name) ?? "";
        attrs[name] = name === "class" ? value.split(/\s+/).filter(Boolean).sort().join(" ") : value;
      }
      out.push({ tag: child.tagName.toLowerCase(), attrs, children: normaliseChildren(child) });
    }
  }
  // Whitespace at the edges of an element and next to a block element is not content, so
  // `<p> a </p>` equals `<p>a</p>`, and `<dd>a <p>` equals `<dd>a<p>`.
  if (el.closest("pre")) return out;
  return out
    .map((n, i) => {
      if (typeof n !== "string") return n;
      const before = out[i - 1];
      const after = out[i + 1];
      let text = n;
      if (before === undefined || isBlock(before)) text = text.trimStart();
      if (after === undefined || isBlock(after)) text = text.trimEnd();
      return text;
    })
    .filter((n) => n !== "");
}

const BLOCK_TAGS = new Set(
  "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split(" "),
);

function isBlock(n: NormalNode): boolean {
  return typeof n !== "string" && BLOCK_TAGS.has(n.tag);
}

export interface RunOptions {
  /** Selector of elements left out of both sides (e.g. heading anchors, tested in their own file). */
  ignore?: string;
}

/** One Vitest case per fixture; a failure names `file:line` of the case. */
export function runFixtures(file: string, options: RunOptions = {}): void {
  const name = file.split("/").slice(-2).join("/");
  describe(name, () => {
    for (const f of readFixtures(file)) {
      it(`${f.title} (${name}:${f.line})`, () => {
        const html = createMarkdown().render(f.input, {});
        expect(normalise(html, options.ignore), `${name}:${f.line}: ${f.title}\n--- actual HTML ---\n${html}`).toEqual(
          normalise(f.expected, options.ignore),
        );
      });
    }
  });
}
