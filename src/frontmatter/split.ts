// Splits a page's source into front matter and body, keeping the line numbers of each.

export interface PageParts {
  /** The YAML between the `---` lines, or undefined when the page has no front matter. */
  yaml: string | undefined;
  /** 1-based file line of the first YAML line (the line after the opening `---`). */
  yamlStartLine: number;
  /** The body after the closing `---`. */
  body: string;
  /** 1-based file line where the body starts. */
  bodyStartLine: number;
  /** `---js` etc.: the language gray-matter would pick. Empty for plain YAML. */
  language: string;
  /** The front matter was opened but never closed. */
  unclosed: boolean;
}

const OPEN = /^---([A-Za-z]*)[ \t]*\r?$/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

// gray-matter only reports "front matter is not closed" by swallowing the page; we need the
// line numbers, so we find the fences ourselves (same rules: `---` on the first line).
export function splitFrontMatter(source: string): PageParts {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split("\n");
  const open = OPEN.exec(lines[0] ?? "");
  if (!open) {
    return { yaml: undefined, yamlStartLine: 1, body: text, bodyStartLine: 1, language: "", unclosed: false };
  }
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i] ?? "")) {
      return {
        yaml: lines.slice(1, i).join("\n"),
        yamlStartLine: 2,
        body: lines.slice(i + 1).join("\n"),
        bodyStartLine: i + 2,
        language: open[1] ?? "",
        unclosed: false,
      };
    }
  }
  return { yaml: lines.slice(1).join("\n"), yamlStartLine: 2, body: "", bodyStartLine: lines.length + 1, language: open[1] ?? "", unclosed: true };
}
