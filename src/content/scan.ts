// Content scan: reads every page once before Eleventy runs, and reports every bad input up front.
//
// Eleventy stops at the first broken page and follows symlinks anywhere; writers need every mistake
// at once, and the contract needs symlinks, bytes, front matter and output paths checked before
// anything is written.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { checkBytes } from "./bytes.ts";
import { parseYaml } from "../frontmatter/yaml.ts";
import { splitFrontMatter } from "../frontmatter/split.ts";
import { validateFrontMatter, type SiteVocabulary } from "../frontmatter/validate.ts";
import type { FrontMatter } from "../frontmatter/schema.ts";
import { locateKey } from "../frontmatter/locate.ts";
import { assertSafePermalink, defaultPermalink, isInside, normalizePermalink, outputFileFor, UnsafePermalinkError } from "./permalink.ts";

export const PAGE_EXTENSIONS = [".md", ".html"];
const SKIP_DIRS = new Set(["_includes", "_data", "_layouts", "node_modules", "_site"]);

export interface ScannedPage {
  /** Absolute path. */
  file: string;
  /** Project-relative display path. */
  display: string;
  /** 1-based line where the body starts. */
  bodyStartLine: number;
  /** The front matter YAML text, keyed for the cached parse Eleventy's engine uses. */
  yaml: string | undefined;
  /** 1-based line of the first YAML line. */
  yamlStartLine: number;
  data: FrontMatter;
  /** Output file relative to the output folder ("" for a page that is read but not written). */
  outputFile: string;
  /** Path relative to the input folder, `/`-separated. */
  rel: string;
  /** The front matter as Eleventy and Liquid see it (for a Jekyll project: with its defaults). */
  raw: Record<string, unknown>;
}

/**
 * What differs between our content folder and a Jekyll project (src/jekyll/profile.ts): which
 * files are read, what a file without front matter is, front matter defaults, and URLs.
 */
export interface ScanProfile {
  /** Read this file or folder? `rel` is relative to the input folder, `/`-separated. */
  accepts(rel: string, isDir: boolean): boolean;
  /** A page file without front matter is a static file to copy (Jekyll), not a page. */
  staticWithoutFrontMatter: boolean;
  /** Front matter as the page sees it (e.g. Jekyll's `defaults` under it); may warn. */
  prepare(rel: string, data: Record<string, unknown>, yaml: string, yamlStartLine: number): { data: Record<string, unknown>; diagnostics: (Omit<Diagnostic, "file"> & { file?: string })[] };
  /** The page's permalink when it sets none (or a pattern); `false`: read and listed, not written. */
  permalink(rel: string, data: Record<string, unknown>): string | false;
}

export interface ScanResult {
  pages: ScannedPage[];
  /** Absolute paths of files Eleventy must not read (dangling symlinks). */
  ignored: string[];
  /** Parsed YAML by its text, so Eleventy's front matter engine doesn't parse twice. */
  parsedYaml: Map<string, unknown>;
  diagnostics: Diagnostic[];
  /** Pages read but not written (`permalink: false`, a Jekyll collection with `output: false`). */
  unwritten: ScannedPage[];
  /** Files copied as they are (a Jekyll project's images, files without front matter…). */
  staticFiles: string[];
}

/** Our content folder: every .md/.html page except README.md, outside the special folders. */
export const DEFAULT_PROFILE: ScanProfile = {
  accepts: (rel, isDir) => {
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    return !name.startsWith(".") && (isDir ? !SKIP_DIRS.has(name) : name !== "README.md");
  },
  staticWithoutFrontMatter: false,
  prepare: (_rel, data) => ({ data, diagnostics: [] }),
  permalink: (rel) => defaultPermalink(rel),
};

function walk(dir: string, root: string, out: string[], diagnostics: Diagnostic[], ignored: string[], profile: ScanProfile = DEFAULT_PROFILE): void {
  // Sorted so diagnostics and page order never depend on directory order.
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full).split(path.sep).join("/");
    if (!profile.accepts(rel, entry.isDirectory())) {
      // Eleventy reads the input folder itself: what we skip, it must skip too.
      if (profile !== DEFAULT_PROFILE) ignored.push(entry.isDirectory() ? `${full}/**` : full);
      continue;
    }
    if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(full);
      } catch {
        diagnostics.push({ severity: "warning", code: "CONTENT_SYMLINK_DANGLING", message: `symlink points to a file that does not exist: ${fs.readlinkSync(full)}`, file: displayPath(full), line: 1, hint: "remove the symlink or restore its target" });
        ignored.push(full);
        continue;
      }
      if (!isInside(fs.realpathSync(root), real)) {
        diagnostics.push({ severity: "error", code: "CONTENT_SYMLINK_OUTSIDE", message: `symlink leads outside the content folder, to ${real}`, file: displayPath(full), line: 1, hint: "copy the file into the content folder instead of linking to it" });
        ignored.push(entry.isDirectory() ? `${full}/**` : full);
        continue;
      }
      if (fs.statSync(full).isDirectory()) continue; // Its files are reached through their real path.
      out.push(full);
      continue;
    }
    if (entry.isDirectory()) walk(full, root, out, diagnostics, ignored, profile);
    else if (entry.isFile()) out.push(full);
  }
}

/** What the checks of one file found: its page (if it passed), its diagnostics, its parsed YAML. */
export type FileScan = { diagnostics: Diagnostic[]; yaml?: { text: string; data: unknown } } & (
  | { kind: "page" | "unwritten"; page: ScannedPage }
  | { kind: "static" | "failed" }
);

/**
 * Every check the scan makes on one page file on its own (bytes, front matter, permalink); the checks
 * that compare pages (output conflicts, redirects) stay in `scanContent`. The dev server re-runs
 * this for the one page a writer saved.
 */
export function scanFile(file: string, inputDir: string, vocab: SiteVocabulary, profile: ScanProfile = DEFAULT_PROFILE): FileScan {
  const display = displayPath(file);
  const diagnostics: Diagnostic[] = [];
  const report = (d: Omit<Diagnostic, "file">) => diagnostics.push({ ...d, file: display });
  let yaml: FileScan["yaml"];
  const failed = (): FileScan => ({ kind: "failed", diagnostics, yaml });
  const buf = fs.readFileSync(file);
  const byteProblems = checkBytes(buf);
  byteProblems.forEach(report);
  if (byteProblems.some((d) => d.severity === "error")) return failed();

  const parts = splitFrontMatter(buf.toString("utf8"));
  const rel = path.relative(inputDir, file).split(path.sep).join("/");
  if (parts.yaml === undefined && profile.staticWithoutFrontMatter) {
    // Jekyll copies a file without front matter as it is, Markdown included.
    return { kind: "static", diagnostics, yaml };
  }
  if (parts.language && parts.language !== "yaml") {
    report({ severity: "error", code: "FM_LANGUAGE", message: `front matter language \`${parts.language}\` is not allowed`, line: 1, hint: "use YAML front matter: a plain `---` line" });
    return failed();
  }
  if (parts.unclosed) {
    report({ severity: "error", code: "FM_UNCLOSED", message: "front matter is opened with `---` but never closed", line: 1, hint: "add a `---` line after the last front matter key" });
    return failed();
  }
  let data: unknown = {};
  if (parts.yaml !== undefined) {
    const parsed = parseYaml(parts.yaml, parts.yamlStartLine);
    parsed.diagnostics.forEach(report);
    if (parsed.data === undefined && parsed.diagnostics.some((d) => d.severity === "error")) return failed();
    data = parsed.data;
    yaml = { text: parts.yaml, data };
  } else if (parts.body.trim() === "") {
    report({ severity: "error", code: "CONTENT_EMPTY", message: "the page has no front matter / no content", line: 1, hint: "add front matter with a `title:` and some content, or delete the file" });
    return failed();
  }
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const prepared = profile.prepare(rel, data as Record<string, unknown>, parts.yaml ?? "", parts.yamlStartLine);
    for (const d of prepared.diagnostics) diagnostics.push({ file: display, ...d });
    data = prepared.data;
  }
  const validated = validateFrontMatter(data, parts.yaml ?? "", parts.yamlStartLine, vocab);
  validated.diagnostics.forEach(report);
  if (!validated.data) return failed();
  const fm = validated.data;

  const raw = { ...(data as Record<string, unknown>) };
  let permalink: string;
  const chosen = profile === DEFAULT_PROFILE ? fm.permalink : profile.permalink(rel, raw);
  if (chosen === false || fm.permalink === false) {
    // Not written: nothing to collide.
    return { kind: "unwritten", diagnostics, yaml, page: { file, display, bodyStartLine: parts.bodyStartLine, yaml: parts.yaml, yamlStartLine: parts.yamlStartLine, data: fm, outputFile: "", rel, raw } };
  }
  if (typeof chosen === "string") {
    if (profile !== DEFAULT_PROFILE) raw.permalink = chosen;
    try {
      assertSafePermalink(chosen);
    } catch (error) {
      if (!(error instanceof UnsafePermalinkError)) throw error;
      const idx = locateKey(parts.yaml ?? "", ["permalink"]);
      report({ severity: "error", code: "FM_PERMALINK_UNSAFE", message: `permalink \`${chosen.replace(/\0/g, "\\0")}\` ${error.message}`, line: parts.yamlStartLine + (idx ?? 0), hint: "write a plain path from the site root, e.g. `/user-guide/tracing/`" });
      return failed();
    }
    permalink = normalizePermalink(chosen.startsWith("/") ? chosen : `/${chosen}`);
  } else {
    permalink = defaultPermalink(path.relative(inputDir, file));
  }
  return { kind: "page", diagnostics, yaml, page: { file, display, bodyStartLine: parts.bodyStartLine, yaml: parts.yaml, yamlStartLine: parts.yamlStartLine, data: fm, outputFile: outputFileFor(permalink), rel, raw } };
}

export function scanContent(inputDir: string, vocab: SiteVocabulary, profile: ScanProfile = DEFAULT_PROFILE): ScanResult {
  const diagnostics: Diagnostic[] = [];
  const ignored: string[] = [];
  const found: string[] = [];
  walk(inputDir, inputDir, found, diagnostics, ignored, profile);
  const files = found.filter((f) => PAGE_EXTENSIONS.includes(path.extname(f)));
  const staticFiles = found.filter((f) => !PAGE_EXTENSIONS.includes(path.extname(f)));
  const unwritten: ScannedPage[] = [];

  const pages: ScannedPage[] = [];
  const parsedYaml = new Map<string, unknown>();
  const outputs = new Map<string, ScannedPage>();

  for (const file of files) {
    const scanned = scanFile(file, inputDir, vocab, profile);
    diagnostics.push(...scanned.diagnostics);
    if (scanned.yaml) parsedYaml.set(scanned.yaml.text, scanned.yaml.data);
    if (scanned.kind === "static") {
      staticFiles.push(file);
      ignored.push(file);
      continue;
    }
    if (scanned.kind === "unwritten") {
      unwritten.push(scanned.page);
      continue;
    }
    if (scanned.kind !== "page") continue;
    const { page } = scanned;
    const report = (d: Omit<Diagnostic, "file">) => diagnostics.push({ ...d, file: page.display });
    // Case-insensitive: macOS and Windows checkouts, and many static hosts, fold case.
    const key = page.outputFile.toLowerCase();
    const other = outputs.get(key);
    if (other) {
      const idx = locateKey(page.yaml ?? "", ["permalink"]);
      report({
        severity: "error",
        code: "OUTPUT_CONFLICT",
        message: `${page.display} and ${other.display} both write ${page.outputFile === other.outputFile ? page.outputFile : `${other.outputFile} / ${page.outputFile} (they differ only by case)`}`,
        line: idx === undefined ? 1 : page.yamlStartLine + idx,
        hint: "give one of the pages a different `permalink:`",
      });
      continue;
    }
    outputs.set(key, page);
    pages.push(page);
  }
  diagnostics.push(...checkRedirects(pages, outputs));
  // Pages that failed a check are reported above; Eleventy skips them, so the rest of the site still
  // renders and its errors are reported in the same run.
  const kept = new Set([...pages, ...unwritten].map((p) => p.file));
  const skipped = new Set(ignored);
  for (const file of files) if (!kept.has(file) && !skipped.has(file)) ignored.push(file);
  return { pages, ignored, parsedYaml, diagnostics, unwritten, staticFiles };
}

/**
 * `redirect_from` paths become files too (an HTML redirect page each): they must be as safe as
 * permalinks, and must not land on a page or on another redirect.
 */
function checkRedirects(pages: ScannedPage[], outputs: Map<string, ScannedPage>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const redirects = new Map<string, ScannedPage>();
  for (const page of pages) {
    const from = page.data.redirect_from;
    const list = from === undefined ? [] : Array.isArray(from) ? from : [from];
    list.forEach((raw, i) => {
      const idx = locateKey(page.yaml ?? "", Array.isArray(from) ? ["redirect_from", i] : ["redirect_from"]);
      const line = page.yamlStartLine + (idx ?? 0);
      const at = { file: page.display, line };
      try {
        assertSafePermalink(raw);
      } catch (error) {
        if (!(error instanceof UnsafePermalinkError)) throw error;
        diagnostics.push({ ...at, severity: "error", code: "FM_PERMALINK_UNSAFE", message: `redirect_from \`${raw.replace(/\0/g, "\\0")}\` ${error.message}`, hint: "write the old URL as a plain path from the site root, e.g. `/old/page/`" });
        return;
      }
      const file = outputFileFor(normalizePermalink(raw.startsWith("/") ? raw : `/${raw}`));
      const key = file.toLowerCase();
      const other = outputs.get(key) ?? redirects.get(key);
      if (other && other !== page) {
        diagnostics.push({ ...at, severity: "error", code: "OUTPUT_CONFLICT", message: `redirect_from \`${raw}\` of ${page.display} would write ${file}, which ${other.display} ${outputs.has(key) ? "writes" : "also redirects from"}`, hint: "remove the redirect, or move the page that owns that URL" });
        return;
      }
      redirects.set(key, page);
    });
  }
  return diagnostics;
}
