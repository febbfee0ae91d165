// The contract's table of bad inputs (../shared/CONTRACT.md), one fixture per row, modelled on
// Hugo's build-error tests: each case asserts the outcome, the error code, the file, the line,
// and that the last good `_site` is byte-for-byte unchanged.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { displayPath } from "../../src/diagnostics/source-lines.ts";
import { makeTempDir, manifest, writeFiles } from "../helpers/site.ts";

const GOOD = "---\ntitle: Good page\n---\nSome text.\n";

interface Row {
  name: string;
  files: Record<string, string | Buffer>;
  /** The diagnostic the row must produce. */
  expect: Partial<Diagnostic> & { code: string; severity: "error" | "warning" };
  /** Message must match this, when given. */
  message?: RegExp;
  /** Run with --strict (warnings fail the build). */
  strict?: boolean;
  /** Set up the content folder in ways files can't express (symlinks). */
  setup?: (input: string, root: string) => void;
}

const fm = (yaml: string, body = "Text.\n") => `---\n${yaml}\n---\n${body}`;

const rows: Row[] = [
  { name: "YAML: bad indentation", files: { "p.md": fm("title: T\n  layout: article") }, expect: { severity: "error", code: "FM_YAML_SYNTAX", line: 3 } },
  { name: "YAML: unclosed quote, at the line where it opens", files: { "p.md": fm('title: "T\nlayout: article\ntags:\n  - a') }, expect: { severity: "error", code: "FM_YAML_SYNTAX", line: 2 } },
  { name: "YAML: tab indentation", files: { "p.md": fm("title: T\nflags:\n\tbeta: true") }, expect: { severity: "error", code: "FM_YAML_SYNTAX", line: 4 } },
  { name: "YAML: NUL byte", files: { "p.md": fm("title: T\0x") }, expect: { severity: "error", code: "CONTENT_NUL_BYTE", line: 2, column: 9 } },
  { name: "front matter is a list", files: { "p.md": fm("- a\n- b") }, expect: { severity: "error", code: "FM_NOT_MAPPING", line: 2 } },
  { name: "front matter is a string", files: { "p.md": fm("just words") }, expect: { severity: "error", code: "FM_NOT_MAPPING", line: 2 } },
  { name: "title is a list", files: { "p.md": fm("title:\n  - a") }, expect: { severity: "error", code: "FM_INVALID_FIELD", line: 2 }, message: /`title`/ },
  { name: "beta is the string \"no\"", files: { "p.md": fm('title: T\nflags:\n  beta: "no"') }, expect: { severity: "error", code: "FM_INVALID_FIELD", line: 4 }, message: /flags\.beta/ },
  { name: "missing title", files: { "p.md": fm("layout: article") }, expect: { severity: "error", code: "FM_MISSING_FIELD" }, message: /`title`/ },
  { name: "unknown key, strict", strict: true, files: { "p.md": fm("title: T\ntitel: T") }, expect: { severity: "warning", code: "FM_UNKNOWN_KEY", line: 3, hint: "did you mean `title`?" } },
  { name: "unknown layout", files: { "p.md": fm("title: T\nlayout: artcle") }, expect: { severity: "error", code: "FM_UNKNOWN_LAYOUT", line: 3 }, message: /`article`/ },
  { name: "unknown contributor, strict", strict: true, files: { "p.md": fm("title: T\ncontributors:\n  - nobody-at-all") }, expect: { severity: "warning", code: "FM_UNKNOWN_CONTRIBUTOR", line: 4 } },
  { name: "unknown tag, strict", strict: true, files: { "p.md": fm("title: T\ntags:\n  - no such tag") }, expect: { severity: "warning", code: "FM_UNKNOWN_TAG", line: 4 } },
  { name: "two pages, same output path", files: { "a.md": fm("title: A\npermalink: /same/"), "b.md": fm("title: B\npermalink: /same/") }, expect: { severity: "error", code: "OUTPUT_CONFLICT", file: "b.md", line: 3 }, message: /a\.md/ },
  { name: "two pages whose output differs only by case", files: { "a.md": fm("title: A\npermalink: /Same/"), "b.md": fm("title: B\npermalink: /same/") }, expect: { severity: "error", code: "OUTPUT_CONFLICT", file: "b.md" }, message: /only by case/ },
  { name: "permalink with ..", files: { "p.md": fm("title: T\npermalink: /../../escape.html") }, expect: { severity: "error", code: "FM_PERMALINK_UNSAFE", line: 3 } },
  { name: "permalink with %2e", files: { "p.md": fm("title: T\npermalink: /%2e%2e/escape.html") }, expect: { severity: "error", code: "FM_PERMALINK_UNSAFE", line: 3 } },
  { name: "permalink with a backslash", files: { "p.md": fm("title: T\npermalink: '/a\\..\\..\\x.html'") }, expect: { severity: "error", code: "FM_PERMALINK_UNSAFE", line: 3 } },
  { name: "permalink with NUL", files: { "p.md": fm('title: T\npermalink: "/a\\0b/"') }, expect: { severity: "error", code: "FM_PERMALINK_UNSAFE", line: 3 } },
  { name: "redirect_from with ..", files: { "p.md": fm("title: T\nredirect_from:\n  - /ok/\n  - /../../escape/") }, expect: { severity: "error", code: "FM_PERMALINK_UNSAFE", line: 5 } },
  { name: "redirect_from onto another page's URL", files: { "a.md": fm("title: A\npermalink: /taken/"), "p.md": fm("title: T\nredirect_from: /taken/") }, expect: { severity: "error", code: "OUTPUT_CONFLICT", file: "p.md", line: 3 } },
  { name: "unclosed Liquid tag, at the file line", files: { "p.md": fm("title: T", "Line one.\n\n{% if true %}\nnever closed\n") }, expect: { severity: "error", code: "LIQUID_ERROR", line: 6 } },
  { name: "missing include", files: { "p.md": fm("title: T", "Intro.\n\n{% include nope.md %}\n") }, expect: { severity: "error", code: "LIQUID_MISSING_INCLUDE", line: 6 } },
  { name: "unknown filter", files: { "p.md": fm("title: T", "{{ page.title | no_such_filter }}\n") }, expect: { severity: "error", code: "LIQUID_UNKNOWN_FILTER", line: 4 } },
  { name: "undefined variable, strict", strict: true, files: { "p.md": fm("title: T", "Intro.\n\nValue: {{ page.no_such_value }}\n") }, expect: { severity: "warning", code: "LIQUID_UNDEFINED", line: 6 } },
  { name: "paramlist with no header row", files: { "p.md": fm("title: T", "Intro.\n\n| a | b |\n| c | d |\n{:.paramlist}\n") }, expect: { severity: "error", code: "PARAMLIST_NO_HEADER", line: 6 } },
  { name: "paramlist with an empty name", files: { "p.md": fm("title: T", "Intro.\n\n| Parameter | Description |\n|---|---|\n|  | no name |\n{:.paramlist}\n") }, expect: { severity: "error", code: "PARAMLIST_EMPTY_NAME", line: 6 } },
  { name: "paramlist listing a parameter twice, strict", strict: true, files: { "p.md": fm("title: T", "Intro.\n\n| Parameter | Description |\n|---|---|\n| limit | one |\n| limit | two |\n{:.paramlist}\n") }, expect: { severity: "warning", code: "PARAMLIST_DUPLICATE", line: 6 } },
  { name: "attribute line that nothing consumed", files: { "p.md": fm("title: T", "Intro.\n\n{:.orphan}\n") }, expect: { severity: "error", code: "MD_UNCONSUMED_ATTRIBUTES", line: 6 } },
  { name: "duplicate explicit ids", files: { "p.md": fm("title: T", "## One {#same}\n\nText.\n\n## Two {#same}\n") }, expect: { severity: "error", code: "MD_DUPLICATE_ID", line: 8 } },
  { name: "malformed trace file", files: { "p.md": fm("title: T", "Intro.\n\n{% trace \"traces/bad.json\" %}\n"), "traces/bad.json": '{"data": [{"traceID": "a", "spans": [}]}' }, expect: { severity: "error", code: "TRACE_INVALID_JSON", line: 6 }, message: /traces\/bad\.json/ },
  { name: "trace span with a negative duration", files: { "p.md": fm("title: T", "{% trace \"t.json\" %}\n"), "t.json": JSON.stringify({ data: [{ traceID: "t1", spans: [{ traceID: "t1", spanID: "s1", operationName: "op", references: [], startTime: 1, duration: -5, tags: [], logs: [], processID: "p1" }], processes: { p1: { serviceName: "svc", tags: [] } } }] }) }, expect: { severity: "error", code: "TRACE_NEGATIVE_DURATION", line: 4 }, message: /data\[0\]\.spans\[0\]/ },
  { name: "invalid UTF-8, at the first bad byte", files: { "p.md": Buffer.concat([Buffer.from("---\ntitle: T\n---\nCaf"), Buffer.from([0xe9]), Buffer.from(" au lait\n")]) }, expect: { severity: "error", code: "CONTENT_INVALID_UTF8", line: 4, column: 4 } },
  { name: "binary file (PNG bytes) named .md", files: { "p.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, expect: { severity: "error", code: "CONTENT_BINARY", line: 1 } },
  { name: "empty file", files: { "p.md": "" }, expect: { severity: "error", code: "CONTENT_EMPTY", line: 1 }, message: /no front matter \/ no content/ },
  { name: "very large page (over 1 MB), strict", strict: true, files: { "p.md": fm("title: T", `${"word ".repeat(220_000)}\n`) }, expect: { severity: "warning", code: "CONTENT_LARGE" } },
  { name: "page over the 10 MB limit", files: { "p.md": fm("title: T", `${"x".repeat(10 * 1024 * 1024 + 10)}\n`) }, expect: { severity: "error", code: "CONTENT_TOO_LARGE" } },
  {
    name: "symlink whose target is outside the content folder",
    files: {},
    setup: (input, root) => {
      fs.writeFileSync(path.join(root, "secret.md"), fm("title: Secret"));
      fs.symlinkSync(path.join(root, "secret.md"), path.join(input, "leak.md"));
    },
    expect: { severity: "error", code: "CONTENT_SYMLINK_OUTSIDE", file: "leak.md" },
  },
  {
    name: "dangling symlink, strict",
    strict: true,
    files: {},
    setup: (input) => fs.symlinkSync(path.join(input, "gone.md"), path.join(input, "dangling.md")),
    expect: { severity: "warning", code: "CONTENT_SYMLINK_DANGLING", file: "dangling.md" },
  },
  { name: "raw <script> in content", files: { "p.md": fm("title: T", "Text.\n\n<script>alert(1)</script>\n") }, expect: { severity: "error", code: "CONTENT_UNSAFE_HTML", line: 6 } },
  { name: "on*= attribute in content", files: { "p.md": fm("title: T", 'Text <img src="/x.png" onerror="alert(1)"> more.\n') }, expect: { severity: "error", code: "CONTENT_UNSAFE_HTML", line: 4 } },
  { name: "javascript: URL in content", files: { "p.md": fm("title: T", '<a href="javascript:alert(1)">x</a>\n') }, expect: { severity: "error", code: "CONTENT_UNSAFE_HTML", line: 4 } },
  { name: "broken internal link, strict", strict: true, files: { "p.md": fm("title: T", "One.\n\nSee [the missing page](/no/such/page/).\n") }, expect: { severity: "warning", code: "LINK_BROKEN", line: 6 } },
  { name: "link to a missing anchor, strict", strict: true, files: { "p.md": fm("title: T", "## Real heading\n\nSee [here](#not-a-heading).\n") }, expect: { severity: "warning", code: "LINK_ANCHOR_MISSING", line: 6 } },
];

describe("bad inputs: every row fails precisely and keeps the last good _site", () => {
  let root: string;
  let goodManifest: Record<string, string>;

  beforeAll(async () => {
    root = makeTempDir("bad-inputs-");
    writeFiles(path.join(root, "good"), { "index.md": GOOD });
    const outcome = await build({ input: path.join(root, "good"), output: path.join(root, "_site") });
    expect(outcome.ctx.diagnostics.errors).toEqual([]);
    expect(outcome.ok).toBe(true);
    goodManifest = await manifest(path.join(root, "_site"));
    expect(Object.keys(goodManifest)).toContain("index.html");
  });

  for (const row of rows) {
    it(row.name, async () => {
      const input = path.join(root, row.name.replace(/\W+/g, "-"));
      fs.mkdirSync(input, { recursive: true });
      writeFiles(input, { "index.md": GOOD, ...row.files });
      row.setup?.(input, root);
      const outcome = await build({ input, output: path.join(root, "_site"), strict: row.strict ?? false });

      const found = outcome.ctx.diagnostics.sorted().find((d) => d.code === row.expect.code);
      expect(found, `no ${row.expect.code} in: ${JSON.stringify(outcome.ctx.diagnostics.sorted(), null, 1)}`).toBeDefined();
      const { file, ...rest } = row.expect;
      expect(found).toMatchObject(rest);
      expect(found!.file).toBe(displayPath(path.join(input, file ?? Object.keys(row.files)[0]!)));
      if (row.message) expect(found!.message).toMatch(row.message);
      expect(found!.hint, "every diagnostic says how to fix it").toBeTruthy();
      expect(outcome.ok).toBe(false);
      expect(await manifest(path.join(root, "_site"))).toEqual(goodManifest);
      // Nothing was written anywhere else either: no staging or backup folders left behind.
      expect(fs.readdirSync(root).filter((f) => f.startsWith("._site"))).toEqual([]);
    });
  }
});

describe("legal inputs that look like mistakes", () => {
  it("`{% if page.optional %}` on an unset value is not a warning, even under --strict", async () => {
    const root = makeTempDir("optional-");
    writeFiles(path.join(root, "content"), { "index.md": fm("title: T", "{% if page.optional %}Shown{% endif %}\n{{ page.missing | default: 'fallback' }}\n") });
    const outcome = await build({ input: path.join(root, "content"), output: path.join(root, "_site"), strict: true });
    expect(outcome.ctx.diagnostics.sorted()).toEqual([]);
    expect(outcome.ok).toBe(true);
  });
});

describe("errors are collected across the whole run", () => {
  it("reports a Liquid error in every page, not just the first, and the other pages still render", async () => {
    const root = makeTempDir("many-errors-");
    const input = path.join(root, "content");
    writeFiles(input, {
      "a.md": fm("title: A", "{% if x %}\nunclosed\n"),
      "b.md": fm("title: B", "Text\n\n{{ page.title | nofilter }}\n"),
      "c.md": fm("title: C", "{% include missing.md %}\n"),
      "d.md": fm("title: D\nflags:\n  beta: maybe"),
    });
    const outcome = await build({ input, output: path.join(root, "_site") });
    expect(outcome.ok).toBe(false);
    expect(outcome.ctx.diagnostics.sorted().map((d) => [d.file?.split("/").pop(), d.code, d.line])).toEqual([
      ["a.md", "LIQUID_ERROR", 4],
      ["b.md", "LIQUID_UNKNOWN_FILTER", 6],
      ["c.md", "LIQUID_MISSING_INCLUDE", 4],
      ["d.md", "FM_INVALID_FIELD", 4],
    ]);
  });
});
