// Builds the real guide once per test file into a temp folder, and lists its HTML pages.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "../../src/build/build.ts";

export interface BuiltGuide {
  output: string;
  /** Every .html file of the output, relative to it, with `/` separators, sorted. */
  htmlFiles: string[];
  /** The URL path (under the site root, no prefix) a reader visits for each HTML file. */
  urls: string[];
  cleanup(): void;
}

export function htmlFilesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      // Pagefind's folder holds its own UI files, not pages of the guide.
      if (e.isDirectory() && !(d === dir && e.name === "pagefind")) walk(p);
      else if (e.isFile() && e.name.endsWith(".html")) files.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

/** `a/index.html` → `a/`; `404.html` stays a file URL. */
export function urlOf(file: string): string {
  return file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}

/** Build the guide in content/ with the project's layouts; throws with the diagnostics when it fails. */
export async function buildGuide(options: { pathPrefix?: string } = {}): Promise<BuiltGuide> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "guide-quality-"));
  const output = path.join(root, "_site");
  const outcome = await build({ output, pathPrefix: options.pathPrefix });
  if (!outcome.ok) {
    const messages = outcome.ctx.diagnostics.sorted().map((d) => `${d.file}:${d.line}: ${d.code}: ${d.message}`);
    throw new Error(`the guide did not build:\n${messages.join("\n")}`);
  }
  const htmlFiles = htmlFilesUnder(output);
  return {
    output,
    htmlFiles,
    urls: htmlFiles.map(urlOf),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
