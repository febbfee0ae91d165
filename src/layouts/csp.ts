// The Content-Security-Policy the site is built to run under, and the `_headers` file that ships it.
//
// Why each directive: everything is served from our own origin; Pagefind compiles its WebAssembly
// search index (`'wasm-unsafe-eval'`) and fetches index chunks (`connect-src 'self'`); `data:` images
// cover CSS mask icons. No inline <script>, <style> or style="" anywhere: the theme is set before
// first paint by a tiny blocking external script (assets/js/theme-init.js), not an inline one.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Response headers for every page, in Netlify / Cloudflare Pages `_headers` format. */
export function headersFile(pathPrefix: string): string {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  return [
    "# Security headers for every response (Netlify / Cloudflare Pages format).",
    "# The CSP allows only our own scripts, styles and fonts; 'wasm-unsafe-eval' is for Pagefind's search.",
    `${prefix}*`,
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "",
  ].join("\n");
}
