// HTML escaping as Nunjucks' autoescape does it, for markup our TypeScript renders in place of a
// partial: the page reads byte for byte as it did when the partial printed it.
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&"'<>]/g, (c) => ESCAPES[c]!);
}
