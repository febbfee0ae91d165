// Kramdown block attribute lines: `{:.a #id key="v"}` on its own line sets attributes on a block.
//
// kramdown's rule (parser/kramdown/extensions.rb, parse_block_extensions): a line directly under a
// block (no blank line between) belongs to that block; otherwise it waits for the next block at
// the same level. Consecutive lines add up. `{:name: …}` defines an ALD that `{:name}` refers to.
//
// What other rules read (they run later, so they see the attributes, never the lines):
// - `{:.no_toc}` under a heading → class `no_toc` on the heading_open token;
// - `* TOC` + `{:toc}` → the bullet_list_open token carries `data-kramdown-toc` (TOC_MARKER_ATTR);
// - `{:.paramlist}` under a table → class `paramlist` on table_open (see paramlist.ts).
import type MarkdownIt from "markdown-it";
import type { StateBlock, StateCore, Token } from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import {
  applyAttributeList,
  mergeAttributeLists,
  parseAttributeList,
  type AttributeList,
  type ParseResult,
} from "./attribute-list.ts";

const IAL_TOKEN = "kramdown_ial";
const ALD_TOKEN = "kramdown_ald";

// IAL_BLOCK / ALD_START in kramdown, matched against one line without its indent.
const IAL_LINE = /^\{:(?![:/])((?:\\\}|[^}])+)\}[ \t]*$/;
const ALD_LINE = /^\{:(\w[\w-]*):((?:\\\}|[^}])+)\}[ \t]*$/;

interface AttributeLineMeta {
  source: string;
  parsed: ParseResult;
  /** Set on ALD definitions only. */
  aldName?: string;
}

export interface BlockAttributesOptions {
  report: MarkdownReport;
}

export function blockAttributes(md: MarkdownIt, { report }: BlockAttributesOptions): void {
  // Before `table` and listed as a terminator of paragraphs, lists, blockquotes (and so tables,
  // whose rows stop at blockquote terminators): the line ends the block above it instead of
  // becoming a lazy continuation line or a table row.
  md.block.ruler.before("table", "kramdown_attribute_line", attributeLineRule, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.core.ruler.after("block", "kramdown_block_attributes", (state) => applyBlockAttributes(state, report));
}

function attributeLineRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const line = state.src.slice(start, state.eMarks[startLine]);
  const ald = ALD_LINE.exec(line);
  const ial = ald ? null : IAL_LINE.exec(line);
  if (!ald && !ial) return false;
  if (silent) return true;

  const token = state.push(ald ? ALD_TOKEN : IAL_TOKEN, "", 0);
  token.map = [startLine, startLine + 1];
  token.hidden = true;
  const meta: AttributeLineMeta = ald
    ? { source: line.trim(), parsed: parseAttributeList(ald[2]!), aldName: ald[1]! }
    : { source: line.trim(), parsed: parseAttributeList(ial![1]!) };
  token.meta = meta;
  state.line = startLine + 1;
  return true;
}

function applyBlockAttributes(state: StateCore, report: MarkdownReport): void {
  const tokens = state.tokens;
  const alds = new Map<string, AttributeList>();
  for (const t of tokens) {
    if (t.type !== ALD_TOKEN) continue;
    const meta = t.meta as AttributeLineMeta;
    if (meta.parsed.ok) alds.set(meta.aldName!, meta.parsed.list);
    else reportInvalid(state, report, t, meta);
  }

  // The block the previous attribute line went to, so that consecutive lines stack on it.
  let lastTarget: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== IAL_TOKEN) {
      if (t.type !== ALD_TOKEN) lastTarget = undefined;
      continue;
    }
    const meta = t.meta as AttributeLineMeta;
    if (!meta.parsed.ok) {
      reportInvalid(state, report, t, meta);
      continue;
    }
    const list = resolveRefs(state, report, t, meta.parsed.list, alds);
    const above = lastTarget ?? blockAbove(tokens, i);
    const target = above ?? blockBelow(tokens, i);
    // Only a line attached to the block above stacks further lines onto it; lines waiting for
    // the next block find that block themselves.
    lastTarget = above;
    if (!target) {
      report(state.env, t.map?.[0], {
        severity: "error",
        code: "MD_UNCONSUMED_ATTRIBUTES",
        message: `The attribute line \`${meta.source}\` is not attached to any block.`,
        hint: "Put it directly under the paragraph, list, table or heading it belongs to (no blank line between), or delete it.",
      });
      continue;
    }
    applyAttributeList(target, list);
  }
  state.tokens = tokens.filter((t) => t.type !== IAL_TOKEN && t.type !== ALD_TOKEN);
}

/** The opening token of the block that ends on the line right above token `i`, if any. */
function blockAbove(tokens: Token[], i: number): Token | undefined {
  const line = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev || !prev.block || prev.level !== line.level || prev.nesting === 1) return undefined;
  if (prev.type === IAL_TOKEN || prev.type === ALD_TOKEN || prev.type === "inline") return undefined;
  let open: Token | undefined = prev;
  if (prev.nesting === -1) {
    open = undefined;
    for (let j = i - 2; j >= 0; j--) {
      const t = tokens[j]!;
      if (t.level === prev.level && t.nesting === 1) {
        open = t;
        break;
      }
    }
  }
  return open?.map && line.map && open.map[1] === line.map[0] ? open : undefined;
}

/** The next block at the same level (after any further attribute lines), if any. */
function blockBelow(tokens: Token[], i: number): Token | undefined {
  const level = tokens[i]!.level;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === IAL_TOKEN || t.type === ALD_TOKEN) continue;
    return t.block && t.level === level && t.nesting !== -1 ? t : undefined;
  }
  return undefined;
}

function resolveRefs(
  state: StateCore,
  report: MarkdownReport,
  token: Token,
  list: AttributeList,
  alds: Map<string, AttributeList>,
): AttributeList {
  if (list.refs.every((r) => r === "toc")) return list;
  const resolved: AttributeList = { classes: [], attrs: [], refs: [] };
  for (const ref of list.refs) {
    const ald = alds.get(ref);
    if (ald) mergeAttributeLists(resolved, ald);
    else if (ref === "toc") resolved.refs.push(ref);
    else
      report(state.env, token.map?.[0], {
        severity: "warning",
        code: "MD_UNKNOWN_ATTRIBUTE_REFERENCE",
        message: `\`{:${ref}}\` refers to no attribute definition on this page.`,
        hint: `Define it with a line \`{:${ref}: .class}\`, or write the attributes directly (\`{:.${ref}}\` for a class).`,
      });
  }
  mergeAttributeLists(resolved, { ...list, refs: [] });
  return resolved;
}

function reportInvalid(state: StateCore, report: MarkdownReport, token: Token, meta: AttributeLineMeta): void {
  if (meta.parsed.ok) return;
  report(state.env, token.map?.[0], {
    severity: "error",
    code: "MD_INVALID_ATTRIBUTES",
    message: `The attribute line \`${meta.source}\` cannot be read: \`${meta.parsed.bad}\` is not a class, id or key="value".`,
    hint: 'Write `{: .class #id key="value"}`: classes start with `.`, the id with `#`, and values are quoted.',
  });
}
