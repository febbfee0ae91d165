// Raw HTML in Markdown is allowed, but not scripts, event handlers, or javascript:/data: URLs (S4).
import { Parser } from "htmlparser2";
import type MarkdownIt from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";

const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "srcset"]);

/** Problems in one HTML snippet: what is unsafe, and how many lines into the snippet it is. */
export function findUnsafeHtml(html: string): { message: string; lineOffset: number }[] {
  const found: { message: string; lineOffset: number }[] = [];
  let parser: Parser;
  const lineOffset = () => html.slice(0, parser.startIndex).split("\n").length - 1;
  parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "script") found.push({ message: "`<script>` in content", lineOffset: lineOffset() });
        for (const [attr, raw] of Object.entries(attrs)) {
          if (/^on/i.test(attr)) found.push({ message: `event handler attribute \`${attr}\` on <${name}>`, lineOffset: lineOffset() });
          if (!URL_ATTRS.has(attr.toLowerCase())) continue;
          // Browsers ignore whitespace and control characters inside a scheme: `java\tscript:`.
          const value = raw.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (value.startsWith("javascript:") || value.startsWith("vbscript:")) found.push({ message: `\`javascript:\` URL in \`${attr}\` on <${name}>`, lineOffset: lineOffset() });
          else if (value.startsWith("data:") && !(name === "img" && /^data:image\/(png|gif|jpe?g|webp);/.test(value))) {
            found.push({ message: `\`data:\` URL in \`${attr}\` on <${name}>`, lineOffset: lineOffset() });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

export function unsafeHtmlRule(md: MarkdownIt, options: { report: MarkdownReport }): void {
  md.core.ruler.push("unsafe_html", (state) => {
    const check = (html: string, line: number | undefined) => {
      if (!/<|javascript:|data:/i.test(html)) return;
      for (const problem of findUnsafeHtml(html)) {
        options.report(state.env, line === undefined ? undefined : line + problem.lineOffset, {
          severity: "error",
          code: "CONTENT_UNSAFE_HTML",
          message: `${problem.message} is not allowed`,
          hint: "the site runs under a strict Content-Security-Policy: put behaviour in the theme's scripts, and link to https:// or site paths",
        });
      }
    };
    for (const token of state.tokens) {
      if (token.type === "html_block") check(token.content, token.map?.[0]);
      for (const child of token.children ?? []) if (child.type === "html_inline") check(child.content, token.map?.[0]);
    }
  });
}
