// kramdown parity rules (tables, definition lists, footnotes, TOC, HTML blocks, callouts, tasklists, tabs).
import type MarkdownIt from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";

export interface KramdownOptions {
  report?: MarkdownReport;
}

// SCAFFOLD: replaced by the kramdown-parity rules.
export function kramdownCompat(_md: MarkdownIt, _options: KramdownOptions = {}): void {}
