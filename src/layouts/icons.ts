// Inline SVG icons (no icon font), as a shortcode: {% icon "menu", "icon icon--open" %}.
//
// Why TypeScript and not a Nunjucks macro: the layouts imported the macro file in five partials, and
// Nunjucks runs an imported file again on every render to collect its exports: 1.2 s of a 4,000-page
// build for fourteen fixed strings. Decorative: hidden from assistive tech; the control carries the
// label.
import { escapeHtml } from "./escape.ts";

const PATHS: Record<string, string> = {
  "menu": `<path d="M4 6h16M4 12h16M4 18h16"/>`,
  "close": `<path d="M6 6l12 12M18 6L6 18"/>`,
  "sun": `<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>`,
  "moon": `<path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/>`,
  "github": `<path d="M9 19c-4.3 1.4-4.3-2.5-6-3m12 5v-3.5c0-1 .1-1.4-.5-2 2.8-.3 5.5-1.4 5.5-6a4.6 4.6 0 0 0-1.3-3.2 4.2 4.2 0 0 0-.1-3.2s-1.1-.3-3.5 1.3a12.3 12.3 0 0 0-6.2 0C6.5 2.8 5.4 3.1 5.4 3.1a4.2 4.2 0 0 0-.1 3.2A4.6 4.6 0 0 0 4 9.5c0 4.6 2.7 5.7 5.5 6-.6.6-.6 1.2-.5 2V21"/>`,
  "edit": `<path d="M12 20h9"/><path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z"/>`,
  "clock": `<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  "tag": `<path d="M20.6 13.4l-7.2 7.2a2 2 0 0 1-2.8 0L2 12V2h10l8.6 8.6a2 2 0 0 1 0 2.8z"/><circle cx="7" cy="7" r="1.5"/>`,
  "user": `<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`,
  "arrow-left": `<path d="M19 12H5M12 19l-7-7 7-7"/>`,
  "arrow-right": `<path d="M5 12h14M12 5l7 7-7 7"/>`,
  "chevron": `<path d="M9 6l6 6-6 6"/>`,
  "check": `<path d="M20 6L9 17l-5-5"/>`,
  "logo": `<circle cx="5" cy="6" r="2.2"/><circle cx="12" cy="12" r="2.2"/><circle cx="19" cy="18" r="2.2"/><path d="M7 6h9M14 12h6M3 12h7M9 18h8"/>`,
};

/** The icon's `<svg>`; an unknown name gives an empty one, as the macro did. */
export function icon(name: string, cls = "icon"): string {
  return `<svg class="${escapeHtml(cls)}" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${PATHS[name] ?? ""}</svg>`;
}
