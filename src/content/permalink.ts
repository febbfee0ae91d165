// Permalinks: where a page is written and served, and the checks that keep writes inside the output.
import path from "node:path";

export class UnsafePermalinkError extends Error {}

/**
 * Jekyll's permalink forms: `/a/b/` → a/b/index.html; `/a/b.html` → a/b.html; `/a/b` (no extension)
 * → a/b.html, served at `/a/b` by static hosts (and by our dev server).
 */
export function normalizePermalink(permalink: string): string {
  if (permalink.endsWith("/")) return permalink;
  const last = permalink.slice(permalink.lastIndexOf("/") + 1);
  return last.includes(".") ? permalink : `${permalink}.html`;
}

/** Throws UnsafePermalinkError for anything that could write outside the output folder (S1). */
export function assertSafePermalink(permalink: string): void {
  if (permalink.includes("\0")) throw new UnsafePermalinkError("contains a NUL byte");
  if (permalink.includes("\\")) throw new UnsafePermalinkError("contains a backslash");
  if (/%(2e|2f|5c|00)/i.test(permalink)) throw new UnsafePermalinkError("contains an encoded `.`, `/`, `\\` or NUL");
  if (/^[a-z][a-z0-9+.-]*:/i.test(permalink) || permalink.startsWith("//")) throw new UnsafePermalinkError("is a URL, not a path");
  if (permalink.split("/").some((seg) => seg === ".." || seg === ".")) throw new UnsafePermalinkError("contains a `.` or `..` segment");
}

/** The output file for a permalink, relative to the output folder (forward slashes). */
export function outputFileFor(permalink: string): string {
  const p = normalizePermalink(permalink);
  const rel = p.endsWith("/") ? `${p}index.html` : p;
  return rel.replace(/^\/+/, "");
}

/** Eleventy's default permalink for a page with none: `dir/name.md` → `/dir/name/`, `dir/index.md` → `/dir/`. */
export function defaultPermalink(relInputPath: string): string {
  const parsed = path.posix.parse(relInputPath.split(path.sep).join("/"));
  const dir = parsed.dir ? `/${parsed.dir}/` : "/";
  return parsed.name === "index" ? dir : `${dir}${parsed.name}/`;
}

/** True when `target` is `root` or inside it (after resolving `..`). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
