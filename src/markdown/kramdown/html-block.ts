// Block HTML with Markdown inside (`<div>…</div>`, `<details>`), parsed as kramdown's `parse_block_html` does.
//
// CommonMark ends an HTML block at the first blank line, and keeps `<div>` followed by text as raw
// HTML. kramdown instead parses the inside of block-content elements (div, details, section, …) as
// Markdown up to the matching closing tag, and keeps raw elements (table, ul, ol) verbatim up to
// theirs, blank lines included. This rule does the same. A container becomes `html_container_open`
// / `html_container_close` tokens carrying the tag and attributes (the default renderer prints them
// as the tag), so later rules (tasklists, tabs, callouts) can find and reshape it.
//
// On purpose we differ in one place: `<summary>Title</summary>` on one line. kramdown treats
// summary as a block element whose closing tag must start a line, so it swallows the rest of the
// `<details>` into the summary and prints `</summary>` as text. We render the one-line form as the
// writer meant it: the text, parsed as inline Markdown, inside the element.
import type MarkdownIt from "markdown-it";
import type { StateBlock, Token } from "markdown-it";

/** kramdown's HTML_CONTENT_MODEL_BLOCK: the inside is parsed as Markdown blocks. */
const BLOCK_MODEL = new Set([
  "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
  "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main",
  "map", "menu", "nav", "noscript", "object", "section", "summary", "td",
]);
/** Block-level elements of kramdown's HTML_CONTENT_MODEL_SPAN: the inside is inline Markdown. */
const SPAN_MODEL = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend"]);
/** Raw elements kramdown keeps verbatim up to the closing tag, even across blank lines. */
const RAW_MODEL = new Set(["table", "ul", "ol"]);

const ATTR = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`;
const OPEN_TAG = new RegExp(String.raw`^<([A-Za-z][A-Za-z0-9-]*)((?:${ATTR})*)\s*(/?)>`);
const ATTR_PART = /([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export type HtmlContentModel = "block" | "raw" | "inline";

interface Found {
  name: string;
  attrs: [string, string][];
  model: HtmlContentModel;
  /** Absolute offset just after the opening tag. */
  contentStart: number;
  closeLine: number;
  /** Absolute offsets of `</name>` on the closing line. */
  closeStart: number;
  closeEnd: number;
}

function parseAttrs(md: MarkdownIt, source: string): [string, string][] {
  const attrs: [string, string][] = [];
  for (const m of source.matchAll(ATTR_PART)) {
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    attrs.push([m[1]!, md.utils.unescapeAll(value)]);
  }
  return attrs;
}

/** Find the closing tag of `name`, counting nested tags of the same name, skipping fenced code. */
function findClose(state: StateBlock, name: string, fromLine: number, fromPos: number, endLine: number) {
  const openRe = new RegExp(String.raw`<${name}(?=[\s/>])[^>]*?(/?)>|</${name}\s*>`, "gi");
  let depth = 1;
  let fence: string | undefined;
  for (let line = fromLine; line < endLine; line++) {
    const lineStart = line === fromLine ? fromPos : state.bMarks[line]! + state.tShift[line]!;
    const text = state.src.slice(lineStart, state.eMarks[line]);
    if (line !== fromLine) {
      const f = FENCE.exec(state.src.slice(state.bMarks[line], state.eMarks[line]));
      if (fence) {
        if (f && f[1]!.startsWith(fence)) fence = undefined;
        continue;
      }
      if (f) {
        fence = f[1]!;
        continue;
      }
    }
    openRe.lastIndex = 0;
    for (let m = openRe.exec(text); m; m = openRe.exec(text)) {
      if (m[0].startsWith("</")) depth--;
      else if (m[1] !== "/") depth++;
      if (depth === 0) {
        return { line, start: lineStart + m.index, end: lineStart + m.index + m[0].length };
      }
    }
  }
  return undefined;
}

function detect(md: MarkdownIt, state: StateBlock, startLine: number, endLine: number): Found | undefined {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return undefined;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(pos) !== 0x3c /* < */) return undefined;
  const m = OPEN_TAG.exec(state.src.slice(pos, state.eMarks[startLine]));
  if (!m || m[3] === "/") return undefined;
  const name = m[1]!.toLowerCase();
  let model: HtmlContentModel | undefined = BLOCK_MODEL.has(name) ? "block" : SPAN_MODEL.has(name) ? "inline" : RAW_MODEL.has(name) ? "raw" : undefined;
  const attrs = parseAttrs(md, m[2] ?? "");
  // kramdown's `markdown="…"` attribute picks the content model and never reaches the output.
  const markdownAttr = attrs.find(([key]) => key === "markdown")?.[1];
  if (markdownAttr !== undefined) {
    if (markdownAttr === "0") model = "raw";
    else if (markdownAttr === "span") model = "inline";
    else if (markdownAttr === "1" || markdownAttr === "block") model ??= "block";
  }
  if (!model) return undefined;
  const contentStart = pos + m[0].length;
  const close = findClose(state, name, startLine, contentStart, endLine);
  if (!close) return undefined;
  // Text after the closing tag would be lost; leave such lines to markdown-it's raw HTML rule.
  if (state.src.slice(close.end, state.eMarks[close.line]).trim() !== "") return undefined;
  if (model === "block" && close.line === startLine) model = "inline";
  return {
    name,
    attrs: attrs.filter(([key]) => key !== "markdown"),
    model,
    contentStart,
    closeLine: close.line,
    closeStart: close.start,
    closeEnd: close.end,
  };
}

/** Parse the lines between the tags as Markdown blocks, trimming the tag lines' own parts. */
function parseInside(state: StateBlock, startLine: number, found: Found): void {
  const firstRest = state.src.slice(found.contentStart, state.eMarks[startLine]);
  let from = startLine + 1;
  const saved = {
    b: state.bMarks[startLine]!, t: state.tShift[startLine]!, s: state.sCount[startLine]!,
    e: state.eMarks[found.closeLine]!,
  };
  if (firstRest.trim() !== "") {
    // kramdown parses text right after the opening tag as the first block of the inside.
    const indent = firstRest.length - firstRest.trimStart().length;
    state.bMarks[startLine] = found.contentStart;
    state.tShift[startLine] = indent;
    state.sCount[startLine] = state.blkIndent + indent;
    from = startLine;
  }
  const beforeClose = state.src.slice(state.bMarks[found.closeLine]! + state.tShift[found.closeLine]!, found.closeStart);
  let to = found.closeLine;
  if (beforeClose.trim() !== "" && found.closeLine !== startLine) {
    state.eMarks[found.closeLine] = found.closeStart;
    to = found.closeLine + 1;
  }
  const oldLineMax = state.lineMax;
  state.lineMax = to;
  state.md.block.tokenize(state, from, to);
  state.lineMax = oldLineMax;
  state.bMarks[startLine] = saved.b;
  state.tShift[startLine] = saved.t;
  state.sCount[startLine] = saved.s;
  state.eMarks[found.closeLine] = saved.e;
}

export function htmlBlockRule(md: MarkdownIt) {
  return function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
    const found = detect(md, state, startLine, endLine);
    if (!found) return false;
    if (silent) return true;
    const map: [number, number] = [startLine, found.closeLine + 1];

    if (found.model === "raw") {
      const token = state.push("html_block", "", 0);
      token.map = map;
      token.content = state.getLines(startLine, found.closeLine + 1, state.blkIndent, true);
      state.line = found.closeLine + 1;
      return true;
    }

    const open: Token = state.push("html_container_open", found.name, 1);
    open.attrs = found.attrs.length ? found.attrs : null;
    open.map = map;
    open.block = true;
    open.meta = { model: found.model };

    if (found.model === "inline") {
      const inline = state.push("inline", "", 0);
      inline.content = state.src.slice(found.contentStart, found.closeStart).trim();
      inline.map = map;
      inline.children = [];
    } else {
      parseInside(state, startLine, found);
    }

    const close = state.push("html_container_close", found.name, -1);
    close.block = true;
    state.line = found.closeLine + 1;
    return true;
  };
}

/** Registers the rule before markdown-it's raw HTML rule; like kramdown, it may end a paragraph. */
export function htmlBlock(md: MarkdownIt): void {
  md.block.ruler.before("html_block", "kramdown_html_block", htmlBlockRule(md), {
    alt: ["paragraph", "reference", "blockquote"],
  });
}
