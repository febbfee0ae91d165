// Parse HTML for assertions on elements and attributes, never on substrings.
import { parseHTML } from "linkedom";

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Parse a fragment (e.g. markdown-it output) inside a <body>. */
export function parseFragment(html: string): HTMLElement {
  return parseDocument(`<!doctype html><html><body>${html}</body></html>`).body;
}
