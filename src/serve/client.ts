// The live-reload client and error overlay, served by the dev server only (never in `_site`).
//
// Kept as strings served from memory so nothing dev-only can leak into a production build. No inline
// script or style: the page's CSP allows only same-origin files, and these are same-origin.

export const CLIENT_JS = `// Dev server: live reload and the build error overlay.
(() => {
  const events = new EventSource("/__dev/events");
  let overlay;
  function show(diagnostics) {
    overlay?.remove();
    overlay = document.createElement("div");
    overlay.id = "dev-error-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "Build failed");
    const h = document.createElement("h2");
    h.textContent = "Build failed: the page shows the last good build";
    overlay.append(h);
    for (const d of diagnostics) {
      const item = document.createElement("pre");
      item.className = "dev-error " + d.severity;
      item.textContent = (d.file ? d.file + (d.line ? ":" + d.line : "") + (d.column ? ":" + d.column : "") + ": " : "") +
        d.severity + "[" + d.code + "]: " + d.message + (d.hint ? "\\nhint: " + d.hint : "");
      overlay.append(item);
    }
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Dismiss";
    close.addEventListener("click", () => overlay.remove());
    overlay.append(close);
    document.body.append(overlay);
  }
  events.addEventListener("errors", (e) => show(JSON.parse(e.data)));
  events.addEventListener("reload", () => location.reload());
})();
`;

export const OVERLAY_CSS = `#dev-error-overlay{position:fixed;inset:1rem;z-index:2147483647;overflow:auto;padding:1.5rem;
background:#1b1b1f;color:#f2f2f2;border:3px solid #e5484d;border-radius:8px;font:14px/1.5 ui-monospace,monospace;
box-shadow:0 10px 40px rgba(0,0,0,.5)}
#dev-error-overlay h2{margin:0 0 1rem;color:#ff9592;font-size:1.1rem}
#dev-error-overlay pre{white-space:pre-wrap;margin:0 0 1rem;padding:.75rem;background:#2a2a30;border-radius:4px}
#dev-error-overlay pre.warning{border-left:4px solid #f5a623}
#dev-error-overlay pre.error{border-left:4px solid #e5484d}
#dev-error-overlay button{font:inherit;padding:.4rem 1rem;cursor:pointer}
`;

export const INJECT = `<script src="/__dev/client.js" defer></script><link rel="stylesheet" href="/__dev/overlay.css">`;

/** Shown when there is no good build yet (the first build failed). */
export const NO_BUILD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title>${INJECT}</head>
<body><main><h1>No build yet</h1><p>The first build failed. Fix the errors shown, and this page reloads.</p></main></body></html>`;
