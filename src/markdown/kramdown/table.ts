// Pipe tables as kramdown reads them: optional separator row, any separator cell count, ragged rows.
//
// markdown-it's GFM table rule rejects a table with no separator row and one whose separator has
// a different cell count than the header, and it lets a table interrupt a paragraph. kramdown
// (lib/kramdown/parser/kramdown/table.rb) accepts the first two and not the last. This rule
// replaces markdown-it's: a table starts after a block boundary, every line holds a `|` outside
// code spans, and it must end at a blank line, an attribute line `{:…}` or the end. Rows before the
// first separator line form the head (none: all rows are body rows); a later separator line starts
// a new body. Rows are padded to the widest row.
import type MarkdownIt from "markdown-it";
import type { StateBlock } from "markdown-it";

type Align = "left" | "center" | "right" | "";

const SEPARATOR = /^[+|: \t-]*?-[+|: \t-]*?$/;
const SEPARATOR_CELL = /[ \t]?(:?)-+(:?)[ \t]?/g;
const IAL_LINE = /^ {0,3}\{:/;

/**
 * Split a row into cells on `|`, except inside code spans and when escaped (`\|` becomes `|`).
 * Returns undefined when the line has no `|` outside code spans, which is not a table line.
 */
export function splitRow(line: string): string[] | undefined {
  const cells: string[] = [""];
  let pipes = 0;
  for (let i = 0; i < line.length; ) {
    const ch = line[i]!;
    if (ch === "\\" && line[i + 1] === "|") {
      cells[cells.length - 1] += "|";
      i += 2;
    } else if (ch === "`") {
      let n = 1;
      while (line[i + n] === "`") n++;
      const fence = "`".repeat(n);
      let end = line.indexOf(fence, i + n);
      while (end !== -1 && line[end + n] === "`") end = line.indexOf(fence, end + n + 1);
      const stop = end === -1 ? i + n : end + n;
      cells[cells.length - 1] += line.slice(i, stop);
      i = stop;
    } else if (ch === "|") {
      pipes++;
      cells.push("");
      i++;
    } else {
      cells[cells.length - 1] += ch;
      i++;
    }
  }
  return pipes ? cells : undefined;
}

function lineText(state: StateBlock, line: number): string {
  const start = state.bMarks[line]! + state.tShift[line]!;
  let end = state.eMarks[line]!;
  // Trailing blanks trimmed by hand: this runs on every line a block could start at, and a
  // `/[ \t]+$/` replace retries from each blank of the line (0.15 s at 4,000 pages).
  while (end > start && (state.src.charCodeAt(end - 1) === 0x20 || state.src.charCodeAt(end - 1) === 0x09)) end--;
  return state.src.slice(start, end);
}

/** kramdown only starts a table after a blank line, at the start of a container, or after `{:…}`. */
function afterBlockBoundary(state: StateBlock, startLine: number): boolean {
  if (startLine === 0 || state.isEmpty(startLine - 1)) return true;
  const last = state.tokens[state.tokens.length - 1];
  if (!last || last.nesting === 1) return true;
  return IAL_LINE.test(state.src.slice(state.bMarks[startLine - 1], state.eMarks[startLine - 1]));
}

interface Section {
  kind: "thead" | "tbody";
  rows: { cells: string[]; line: number }[];
}

function kramdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (!afterBlockBoundary(state, startLine)) return false;
  const first = lineText(state, startLine);
  const leadingPipe = first.startsWith("|");

  const sections: Section[] = [];
  let rows: Section["rows"] = [];
  let align: Align[] | undefined;
  let columns = 0;
  let line = startLine;
  for (; line < endLine; line++) {
    if (state.sCount[line]! < state.blkIndent) break;
    const text = lineText(state, line);
    if (!text.includes("|")) break;
    if (SEPARATOR.test(text)) {
      if (rows.length === 0) continue; // kramdown ignores a separator with no rows before it
      if (!align) {
        align = [...text.matchAll(SEPARATOR_CELL)].map(([, l, r]) =>
          l && r ? "center" : r ? "right" : l ? "left" : "",
        );
        sections.push({ kind: "thead", rows });
      } else {
        sections.push({ kind: "tbody", rows });
      }
      rows = [];
      continue;
    }
    const cells = splitRow(text);
    if (!cells) break;
    if (leadingPipe && cells[0]!.trim() === "") cells.shift();
    if (cells.length && cells[cells.length - 1]!.trim() === "") cells.pop();
    columns = Math.max(columns, cells.length);
    rows.push({ cells: cells.map((c) => c.trim()), line });
  }
  if (line === startLine) return false;
  // kramdown rejects the whole table unless a block boundary follows it.
  if (line < endLine && !state.isEmpty(line) && !IAL_LINE.test(lineText(state, line))) return false;
  if (rows.length) sections.push({ kind: "tbody", rows });
  if (!sections.some((s) => s.kind === "tbody")) return false;
  if (silent) return true;

  const aligns = Array.from({ length: columns }, (_, i) => align?.[i] ?? "");
  const table = state.push("table_open", "table", 1);
  table.map = [startLine, line];
  for (const section of sections) {
    const open = state.push(`${section.kind}_open`, section.kind, 1);
    open.map = [section.rows[0]?.line ?? startLine, (section.rows.at(-1)?.line ?? startLine) + 1];
    const cellTag = section.kind === "thead" ? "th" : "td";
    for (const row of section.rows) {
      const tr = state.push("tr_open", "tr", 1);
      tr.map = [row.line, row.line + 1];
      for (let c = 0; c < columns; c++) {
        const cell = state.push(`${cellTag}_open`, cellTag, 1);
        if (aligns[c]) cell.attrs = [["style", `text-align:${aligns[c]}`]];
        const inline = state.push("inline", "", 0);
        inline.content = row.cells[c] ?? "";
        inline.map = [row.line, row.line + 1];
        inline.children = [];
        state.push(`${cellTag}_close`, cellTag, -1);
      }
      state.push("tr_close", "tr", -1);
    }
    state.push(`${section.kind}_close`, section.kind, -1);
  }
  state.push("table_close", "table", -1);
  state.line = line;
  return true;
}

/** Replaces markdown-it's GFM table rule (which also stops tables from interrupting paragraphs). */
export function table(md: MarkdownIt): void {
  md.block.ruler.before("table", "kramdown_table", kramdownTable);
  md.block.ruler.disable("table");
}
