// Code blocks (``` fences and indented code): a <figure> with an optional title and Prism-highlighted code.
//
//   ```yaml title="collector.yaml"
//   →  <figure class="code-block" data-lang="yaml">
//        <figcaption class="code-title">collector.yaml</figcaption>
//        <pre class="language-yaml" tabindex="0"><code class="language-yaml">…</code></pre>
//      </figure>
//
// Only classes, never `style=`, so the page works under the CSP; the theme colours the tokens and
// adds the copy button. `tabindex` lets keyboard users scroll a long line. Attributes from a
// kramdown attribute line under the fence go on the <figure>.
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { escapeHtml } from "markdown-it/lib/common/utils.mjs";
import { highlight } from "./highlight.ts";

const TITLE = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))/;
const SAFE_LANG = /^[\w+#.-]+$/;

export interface FenceInfo {
  lang?: string;
  title?: string;
}

/** Read ```` ```yaml title="file.yaml" ```` (the info string after the backticks). */
export function parseFenceInfo(info: string): FenceInfo {
  const first = info.trim().split(/\s+/, 1)[0] ?? "";
  const lang = first && !first.includes("=") && SAFE_LANG.test(first) ? first : undefined;
  const m = TITLE.exec(info);
  const title = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  return { lang, title: title?.trim() || undefined };
}

export function fencedCode(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx) => renderCodeBlock(tokens[idx]!, parseFenceInfo(tokens[idx]!.info));
  md.renderer.rules.code_block = (tokens, idx) => renderCodeBlock(tokens[idx]!, {});
}

function renderCodeBlock(token: Token, { lang, title }: FenceInfo): string {
  const figureAttrs: Array<[string, string]> = [["class", "code-block"]];
  for (const [name, value] of token.attrs ?? []) {
    if (name === "class") figureAttrs[0]![1] += ` ${value}`;
    else figureAttrs.push([name, value]);
  }
  if (lang) figureAttrs.push(["data-lang", lang]);
  const langClass = lang ? ` class="language-${escapeHtml(lang)}"` : "";
  const caption = title ? `<figcaption class="code-title">${escapeHtml(title)}</figcaption>\n` : "";
  const code = lang ? highlight(token.content, lang) : escapeHtml(token.content);
  return (
    `<figure${renderAttrs(figureAttrs)}>\n${caption}` +
    `<pre${langClass} tabindex="0"><code${langClass}>${code}</code></pre>\n</figure>\n`
  );
}

function renderAttrs(attrs: Array<[string, string]>): string {
  return attrs.map(([k, v]) => ` ${escapeHtml(k)}="${escapeHtml(v)}"`).join("");
}
