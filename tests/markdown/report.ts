// Renders Markdown with a recording reporter, for tests that assert diagnostics (code + body line).
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { createMarkdown } from "../../src/markdown/index.ts";

export interface RecordedReport {
  code: string;
  severity: Diagnostic["severity"];
  /** The 0-based body line the rule passed to report (markdown-it's `token.map[0]`). */
  line: number | undefined;
}

export function renderWithReports(markdown: string): { html: string; reports: RecordedReport[] } {
  const reports: RecordedReport[] = [];
  const md = createMarkdown({ report: (_env, line, d) => reports.push({ code: d.code, severity: d.severity, line }) });
  return { html: md.render(markdown, {}), reports };
}
