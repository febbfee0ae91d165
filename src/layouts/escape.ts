// HTML escaping as Nunjucks' autoescape does it, for markup our TypeScript renders: in place of a
// partial (the page reads byte for byte as it did when the partial printed it), and in the trace
// diagrams (src/traces/svg.ts).
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;" };
const SPECIAL = /[&"'<>]/;

// Called for every cell of 10,000-span tables: most text needs no escaping, so test before replacing.
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&"'<>]/g, (c) => ESCAPES[c]!) : text;
}
