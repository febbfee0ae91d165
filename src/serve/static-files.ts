// Resolves a request path to a file in the output folder, refusing anything that could escape it.
import fs from "node:fs";
import path from "node:path";
import { isInside } from "../content/permalink.ts";

export type Resolved = { kind: "file"; file: string } | { kind: "bad-request" } | { kind: "not-found" };

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a URL path to a file: `/a/` → a/index.html, `/a/b` → a/b, a/b.html or a/b/index.html
 * (Jekyll's extensionless permalinks are written as .html and served without the extension).
 */
export function resolveRequest(root: string, rawPath: string, prefix = "/"): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: "bad-request" };
  }
  if (decoded.includes("\0") || decoded.includes("\\") || decoded.split("/").some((s) => s === "..")) return { kind: "bad-request" };
  if (prefix !== "/" && decoded.startsWith(prefix)) decoded = `/${decoded.slice(prefix.length)}`;
  const base = path.resolve(root, `.${decoded}`);
  if (!isInside(root, base)) return { kind: "bad-request" };
  const candidates = decoded.endsWith("/") ? [path.join(base, "index.html")] : [base, `${base}.html`, path.join(base, "index.html")];
  for (const file of candidates) {
    try {
      if (!fs.statSync(file).isFile()) continue;
      // A symlink inside the output could still point outside it.
      if (!isInside(fs.realpathSync(root), fs.realpathSync(file))) return { kind: "bad-request" };
      return { kind: "file", file };
    } catch {
      continue;
    }
  }
  return { kind: "not-found" };
}
