// Code blocks: fixtures, plus properties every highlighted block must have (CSP: no style attributes).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { parseFenceInfo } from "../../src/markdown/fenced-code.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { parseFragment } from "../helpers/html.ts";
import { runFixtures } from "./fixture-runner.ts";

runFixtures(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "code-blocks.md"));

const SAMPLES: Record<string, string> = {
  yaml: "receivers:\n  otlp: # comment\n    protocols: [grpc, http]\n",
  json: '{"service": "frontend", "limit": 20, "ok": true}\n',
  bash: 'curl -s "http://localhost:16686/api/traces?service=$SVC" | jq .\n',
  go: 'package main\nimport "fmt"\nfunc main() { fmt.Println("hi") }\n',
  java: "class A { public static void main(String[] a) { int x = 1; } }\n",
  python: "def f(x):\n    return x * 2  # double\n",
  javascript: "const a = `t${1}`; // c\n",
  typescript: "let a: number = 1;\n",
  html: '<div class="x">a</div>\n',
  docker: "FROM alpine:3\nRUN echo hi\n",
  sql: "SELECT * FROM spans WHERE duration > 10;\n",
};

describe("highlighted code", () => {
  const md = createMarkdown();
  for (const [lang, code] of Object.entries(SAMPLES)) {
    it(`${lang}: Prism token classes, no style attribute, same text as the source`, () => {
      const root = parseFragment(md.render(`\`\`\`${lang}\n${code}\`\`\`\n`));
      const codeEl = root.querySelector("figure.code-block > pre > code")!;
      expect(codeEl.textContent).toBe(code);
      expect(codeEl.querySelectorAll("span.token").length).toBeGreaterThan(0);
      expect(root.querySelectorAll("[style]").length).toBe(0);
    });
  }

  it("an unknown language never throws and prints nothing", () => {
    const spy = vi.spyOn(console, "warn");
    expect(() => md.render("```klingon\nx\n```\n")).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("parseFenceInfo", () => {
  it("reads the language and a title in any quoting", () => {
    expect(parseFenceInfo(`yaml title="a b.yaml"`)).toEqual({ lang: "yaml", title: "a b.yaml" });
    expect(parseFenceInfo(`yaml title='x'`)).toEqual({ lang: "yaml", title: "x" });
    expect(parseFenceInfo(`yaml title=x.yaml`)).toEqual({ lang: "yaml", title: "x.yaml" });
    expect(parseFenceInfo(`title="only"`)).toEqual({ lang: undefined, title: "only" });
    expect(parseFenceInfo(``)).toEqual({ lang: undefined, title: undefined });
  });

  it("ignores a language name that could break out of the class attribute", () => {
    expect(parseFenceInfo(`x"onclick=1`).lang).toBeUndefined();
  });
});
