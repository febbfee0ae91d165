// Parameter lists: a table with `{:.paramlist}` under it renders as `<dl class="paramlist">`.
//
// Column 1 is the name (with optional required/default marks), column 2 the description, and
// any further column goes into the `<dd>` labelled with its header text. For example
//
//   | Parameter | Description |
//   |---|---|
//   | limit <span class="default-param">`20`</span> | How many traces to return. |
//   {:.paramlist}
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { badgeAt, DEFAULT_PREFIX, REQUIRED_TEXT } from "./param-badges.ts";
import { kramdownSlug, SlugCounter } from "./slug.ts";

export const PARAMLIST_CLASS = "paramlist";

export interface ParamlistOptions {
  report: MarkdownReport;
}

interface Row {
  tr: Token;
  cells: Token[]; // the inline token of each cell
}

interface NameCell {
  name: string;
  required: boolean;
  defaultValue?: Token[];
}

export function paramlist(md: MarkdownIt, { report }: ParamlistOptions): void {
  // Pushed after markdown-it-anchor, so heading ids are final when the ids of parameters are made.
  md.core.ruler.push("paramlist", (state) => {
    const ids = new SlugCounter(collectIds(state.tokens));
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i]!;
      if (t.type === "table_open" && hasClass(t, PARAMLIST_CLASS)) convertTable(state, i, ids, report);
      else if (t.type === "paragraph_open" && hasClass(t, PARAMLIST_CLASS) && looksLikeTable(state.tokens[i + 1]))
        reportNoHeader(state, report, t);
    }
  });
}

function convertTable(state: StateCore, start: number, ids: SlugCounter, report: MarkdownReport): void {
  const tokens = state.tokens;
  const open = tokens[start]!;
  let end = start + 1;
  while (tokens[end] && !(tokens[end]!.type === "table_close" && tokens[end]!.level === open.level)) end++;
  const { header, body } = readRows(tokens.slice(start + 1, end));
  if (!header || header.cells.every((c) => c.content.trim() === "")) {
    reportNoHeader(state, report, open);
    return;
  }

  const out: Token[] = [block(state, "dl_open", "dl", 1, open.level, open.map, open.attrs)];
  const seen = new Set<string>();
  for (const row of body) {
    const [nameCell, description, ...extras] = row.cells;
    const cell = readNameCell(nameCell?.children ?? []);
    let id: string | undefined;
    if (cell.name === "") {
      report(state.env, open.map?.[0], {
        severity: "error",
        code: "PARAMLIST_EMPTY_NAME",
        message: "A row of this parameter list has no parameter name.",
        hint: "Write the parameter's name in the first column of every row.",
      });
    } else {
      const slug = kramdownSlug(cell.name);
      if (seen.has(slug)) {
        report(state.env, open.map?.[0], {
          severity: "warning",
          code: "PARAMLIST_DUPLICATE",
          message: `The parameter "${cell.name}" is listed twice in this parameter list.`,
          hint: "Merge the two rows, or rename one of them.",
        });
      }
      seen.add(slug);
      id = ids.next(`param-${slug}`);
    }
    out.push(...term(state, open.level + 1, row.tr.map, cell, id));
    out.push(block(state, "dd_open", "dd", 1, open.level + 1, row.tr.map));
    if (description) out.push(description);
    extras.forEach((extra, k) => {
      if (extra.content.trim() !== "") out.push(...extraColumn(state, open.level + 2, extra, header.cells[k + 2]));
    });
    out.push(block(state, "dd_close", "dd", -1, open.level + 1));
  }
  out.push(block(state, "dl_close", "dl", -1, open.level));
  tokens.splice(start, end - start + 1, ...out);
}

function readRows(inner: Token[]): { header?: Row; body: Row[] } {
  const rows: Array<Row & { head: boolean }> = [];
  let head = false;
  for (const t of inner) {
    if (t.type === "thead_open") head = true;
    else if (t.type === "thead_close") head = false;
    else if (t.type === "tr_open") rows.push({ tr: t, cells: [], head });
    else if (t.type === "inline") rows.at(-1)?.cells.push(t);
  }
  return { header: rows.find((r) => r.head), body: rows.filter((r) => !r.head) };
}

/** Split the name cell into the bare name (markup stripped) and its required/default marks. */
function readNameCell(children: Token[]): NameCell {
  const cell: NameCell = { name: "", required: false };
  for (let i = 0; i < children.length; i++) {
    const badge = badgeAt(children, i);
    if (badge) {
      if (badge.kind === "required-param") cell.required = true;
      else cell.defaultValue = children.slice(badge.open + 1, badge.close);
      i = badge.close;
      continue;
    }
    const t = children[i]!;
    if (t.type === "text" || t.type === "code_inline") cell.name += t.content;
  }
  cell.name = cell.name.trim();
  return cell;
}

function term(state: StateCore, level: number, map: Token["map"], cell: NameCell, id: string | undefined): Token[] {
  const children: Token[] = [];
  if (cell.name) children.push(Object.assign(new state.Token("code_inline", "code", 0), { content: cell.name }));
  if (id) {
    children.push(
      text(state, " "),
      inlineTag(state, "a", 1, [["class", "param-anchor"], ["href", `#${id}`], ["data-pagefind-ignore", ""]]),
      inlineTag(state, "span", 1, [["class", "visually-hidden"]]),
      text(state, `Link to parameter ${cell.name}`),
      inlineTag(state, "span", -1),
      inlineTag(state, "span", 1, [["aria-hidden", "true"]]),
      text(state, "#"),
      inlineTag(state, "span", -1),
      inlineTag(state, "a", -1),
    );
  }
  if (cell.required) {
    children.push(text(state, " "), inlineTag(state, "span", 1, [["class", "required-param"]]));
    children.push(text(state, REQUIRED_TEXT), inlineTag(state, "span", -1));
  }
  if (cell.defaultValue) {
    children.push(text(state, " "), inlineTag(state, "span", 1, [["class", "default-param"]]));
    children.push(text(state, DEFAULT_PREFIX), ...cell.defaultValue, inlineTag(state, "span", -1));
  }
  return [
    block(state, "dt_open", "dt", 1, level, map, id ? [["id", id]] : null),
    inline(state, level + 1, map, children),
    block(state, "dt_close", "dt", -1, level),
  ];
}

/** `<p class="param-extra"><span class="param-extra-label">Header</span> value</p>` */
function extraColumn(state: StateCore, level: number, cell: Token, header: Token | undefined): Token[] {
  const label = header?.content.trim() ?? "";
  const children = label
    ? [inlineTag(state, "span", 1, [["class", "param-extra-label"]]), ...(header?.children ?? []), inlineTag(state, "span", -1), text(state, " ")]
    : [];
  children.push(...(cell.children ?? []));
  return [
    block(state, "paragraph_open", "p", 1, level, cell.map, [["class", "param-extra"]]),
    inline(state, level + 1, cell.map, children),
    block(state, "paragraph_close", "p", -1, level),
  ];
}

function reportNoHeader(state: StateCore, report: MarkdownReport, open: Token): void {
  report(state.env, open.map?.[0], {
    severity: "error",
    code: "PARAMLIST_NO_HEADER",
    message: "This parameter list has no header row.",
    hint: "Start the table with a header row and a separator row, e.g. `| Parameter | Description |` then `|---|---|`.",
  });
}

/** A paragraph of `| … |` lines: a table kramdown reads as all body rows (no separator row). */
function looksLikeTable(inline: Token | undefined): boolean {
  return inline?.type === "inline" && inline.content.split("\n").every((l) => /^\s*\|.*\|\s*$/.test(l));
}

function hasClass(t: Token, cls: string): boolean {
  return (t.attrGet("class") ?? "").split(/\s+/).includes(cls);
}

function collectIds(tokens: Token[]): Set<string> {
  const ids = new Set<string>();
  for (const t of tokens) {
    for (const x of [t, ...(t.children ?? [])]) {
      const id = x.attrGet("id");
      if (id) ids.add(id);
    }
  }
  return ids;
}

function block(
  state: StateCore,
  type: string,
  tag: string,
  nesting: -1 | 0 | 1,
  level: number,
  map?: Token["map"],
  attrs?: Token["attrs"],
): Token {
  const t = new state.Token(type, tag, nesting);
  Object.assign(t, { block: true, level, map: map ?? null, attrs: attrs ? attrs.map(([k, v]) => [k, v]) : null });
  return t;
}

function inline(state: StateCore, level: number, map: Token["map"], children: Token[]): Token {
  const t = new state.Token("inline", "", 0);
  Object.assign(t, { level, map, children, content: "" });
  return t;
}

function inlineTag(state: StateCore, tag: string, nesting: -1 | 0 | 1, attrs?: Array<[string, string]>): Token {
  const t = new state.Token(nesting === 1 ? `${tag}_open` : `${tag}_close`, tag, nesting);
  if (attrs) t.attrs = attrs;
  return t;
}

function text(state: StateCore, content: string): Token {
  return Object.assign(new state.Token("text", "", 0), { content });
}
