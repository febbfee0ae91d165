// kramdown parity rules (tables, definition lists, footnotes, TOC, HTML blocks, callouts, tasklists, tabs).
//
// One rule per file under ./kramdown/. createMarkdown (index.ts) installs this last, so the core
// rules pushed here see the attribute lines applied and the heading ids assigned.
import type MarkdownIt from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { callout } from "./kramdown/callout.ts";
import { definitionList } from "./kramdown/definition-list.ts";
import { footnote } from "./kramdown/footnote.ts";
import { htmlBlock } from "./kramdown/html-block.ts";
import { listLooseness } from "./kramdown/list-looseness.ts";
import { paragraphEnd } from "./kramdown/paragraph-end.ts";
import { strikethrough } from "./kramdown/strikethrough.ts";
import { strongEmphasis } from "./kramdown/strong-emphasis.ts";
import { table } from "./kramdown/table.ts";
import { tabs } from "./kramdown/tabs.ts";
import { tasklist } from "./kramdown/tasklist.ts";
import { tableOfContents } from "./kramdown/toc.ts";

export interface KramdownOptions {
  report?: MarkdownReport;
}

export function kramdownCompat(md: MarkdownIt, options: KramdownOptions = {}): void {
  const { report } = options;
  // Block syntax.
  md.use(paragraphEnd);
  md.use(htmlBlock);
  md.use(table);
  md.use(definitionList);
  md.use(footnote);
  md.use(listLooseness);
  // Inline markup.
  md.use(strikethrough);
  md.use(strongEmphasis);
  // Token reshaping, in this order: the TOC lists headings before tasklists and tabs move them.
  md.use(tableOfContents);
  md.use(tasklist);
  md.use(tabs, report);
  md.use(callout, report);
}
