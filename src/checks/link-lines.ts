// Records the source line of every link in a page's Markdown, so a broken link reports file:line.
import type MarkdownIt from "markdown-it";
import type { SourceRegistry } from "../diagnostics/source-lines.ts";
import { displayPath, inputPathOf } from "../diagnostics/source-lines.ts";

const HREF_IN_HTML = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

export class LinkLines {
  readonly #lines = new Map<string, Map<string, number>>();

  constructor(private readonly sources: SourceRegistry) {}

  record(inputPath: string, href: string, bodyLine: number): void {
    const key = displayPath(inputPath, this.sources.root);
    let page = this.#lines.get(key);
    if (!page) this.#lines.set(key, (page = new Map()));
    // The first occurrence is the one a writer looks for first.
    if (!page.has(href)) page.set(href, this.sources.fileLine(inputPath, bodyLine));
  }

  lineOf(inputPath: string, href: string): number | undefined {
    return this.#lines.get(displayPath(inputPath, this.sources.root))?.get(href);
  }

  /** Every page's links and their lines, by display path: what the build cache keeps for a warm build. */
  entries(): [file: string, lines: [href: string, line: number][]][] {
    return [...this.#lines].map(([file, lines]) => [file, [...lines]]);
  }

  /** Take a page's lines as a build that rendered it recorded them (a warm build does not render it). */
  restore(file: string, lines: readonly [href: string, line: number][]): void {
    this.#lines.set(file, new Map(lines));
  }

  /** markdown-it plugin: a core rule after `inline` that reads link tokens and their block's line. */
  readonly plugin = (md: MarkdownIt): void => {
    md.core.ruler.push("record_link_lines", (state) => {
      const file = inputPathOf(state.env);
      if (!file) return;
      for (const token of state.tokens) {
        const line = token.map?.[0];
        if (line === undefined) continue;
        if (token.type === "html_block") {
          for (const m of token.content.matchAll(HREF_IN_HTML)) {
            const before = token.content.slice(0, m.index).split("\n").length - 1;
            this.record(file, m[1] ?? m[2] ?? "", line + before);
          }
        }
        for (const child of token.children ?? []) {
          if (child.type === "link_open" || child.type === "image") {
            const href = child.attrGet(child.type === "image" ? "src" : "href");
            if (href) this.record(file, href, line);
          } else if (child.type === "html_inline") {
            for (const m of child.content.matchAll(HREF_IN_HTML)) this.record(file, m[1] ?? m[2] ?? "", line);
          }
        }
      }
    });
  };
}
