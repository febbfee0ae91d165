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
  data: FrontMatter;
  /** Output file relative to the output folder. */
  outputFile: string;
}

export interface ScanResult {
  pages: ScannedPage[];
  /** Absolute paths of files Eleventy must not read (dangling symlinks). */
  ignored: string[];
  /** Parsed YAML by its text, so Eleventy's front matter engine doesn't parse twice. */
  parsedYaml: Map<string, unknown>;
  diagnostics: Diagnostic[];
}

function walk(dir: string, root: string, out: string[], diagnostics: Diagnostic[], ignored: string[]): void {
  // Sorted so diagnostics and page order never depend on directory order.
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
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
        continue;
      }
      if (fs.statSync(full).isDirectory()) continue; // Its files are reached through their real path.
      if (PAGE_EXTENSIONS.includes(path.extname(entry.name))) out.push(full);
      continue;
    }
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, root, out, diagnostics, ignored);
    } else if (entry.isFile() && PAGE_EXTENSIONS.includes(path.extname(entry.name)) && entry.name !== "README.md") {
      out.push(full);
    }
  }
}

export function scanContent(inputDir: string, vocab: SiteVocabulary): ScanResult {
  const diagnostics: Diagnostic[] = [];
  const ignored: string[] = [];
  const files: string[] = [];
  walk(inputDir, inputDir, files, diagnostics, ignored);

  const pages: ScannedPage[] = [];
  const parsedYaml = new Map<string, unknown>();
  const outputs = new Map<string, ScannedPage>();

  for (const file of files) {
    const display = displayPath(file);
    const report = (d: Omit<Diagnostic, "file">) => diagnostics.push({ ...d, file: display });
    const buf = fs.readFileSync(file);
    const byteProblems = checkBytes(buf);
    byteProblems.forEach(report);
    if (byteProblems.some((d) => d.severity === "error")) continue;

    const parts = splitFrontMatter(buf.toString("utf8"));
    if (parts.language && parts.language !== "yaml") {
      report({ severity: "error", code: "FM_LANGUAGE", message: `front matter language \`${parts.language}\` is not allowed`, line: 1, hint: "use YAML front matter: a plain `---` line" });
      continue;
    }
    if (parts.unclosed) {
      report({ severity: "error", code: "FM_UNCLOSED", message: "front matter is opened with `---` but never closed", line: 1, hint: "add a `---` line after the last front matter key" });
      continue;
    }
    let data: unknown = {};
    if (parts.yaml !== undefined) {
      const parsed = parseYaml(parts.yaml, parts.yamlStartLine);
      parsed.diagnostics.forEach(report);
      if (parsed.data === undefined && parsed.diagnostics.some((d) => d.severity === "error")) continue;
      data = parsed.data;
      parsedYaml.set(parts.yaml, data);
    } else if (parts.body.trim() === "") {
      report({ severity: "error", code: "CONTENT_EMPTY", message: "the page has no front matter / no content", line: 1, hint: "add front matter with a `title:` and some content, or delete the file" });
      continue;
    }
    const validated = validateFrontMatter(data, parts.yaml ?? "", parts.yamlStartLine, vocab);
    validated.diagnostics.forEach(report);
    if (!validated.data) continue;
    const fm = validated.data;

    let permalink: string;
    if (fm.permalink === false) continue; // Not written: nothing to collide.
    if (typeof fm.permalink === "string") {
      try {
        assertSafePermalink(fm.permalink);
      } catch (error) {
        if (!(error instanceof UnsafePermalinkError)) throw error;
        const idx = locateKey(parts.yaml ?? "", ["permalink"]);
        report({ severity: "error", code: "FM_PERMALINK_UNSAFE", message: `permalink \`${fm.permalink.replace(/\0/g, "\\0")}\` ${error.message}`, line: parts.yamlStartLine + (idx ?? 0), hint: "write a plain path from the site root, e.g. `/user-guide/tracing/`" });
        continue;
      }
      permalink = normalizePermalink(fm.permalink.startsWith("/") ? fm.permalink : `/${fm.permalink}`);
    } else {
      permalink = defaultPermalink(path.relative(inputDir, file));
    }
    const page: ScannedPage = { file, display, bodyStartLine: parts.bodyStartLine, yaml: parts.yaml, data: fm, outputFile: outputFileFor(permalink) };
    // Case-insensitive: macOS and Windows checkouts, and many static hosts, fold case.
    const key = page.outputFile.toLowerCase();
    const other = outputs.get(key);
    if (other) {
      const idx = locateKey(parts.yaml ?? "", ["permalink"]);
      report({
        severity: "error",
        code: "OUTPUT_CONFLICT",
        message: `${display} and ${other.display} both write ${page.outputFile === other.outputFile ? page.outputFile : `${other.outputFile} / ${page.outputFile} (they differ only by case)`}`,
        line: idx === undefined ? 1 : parts.yamlStartLine + idx,
        hint: "give one of the pages a different `permalink:`",
      });
      continue;
    }
    outputs.set(key, page);
    pages.push(page);
  }
  return { pages, ignored, parsedYaml, diagnostics };
}
