// Link and anchor check: every internal href and #fragment in the built site must resolve.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { readPageFacts, type PageFacts } from "./html-facts.ts";

export interface BuiltPage {
  /** Output file relative to the output folder, forward slashes (e.g. `a/b/index.html`). */
  outputFile: string;
  /** Project-relative source path, for the report. */
  inputPath: string;
  html: string;
}

export interface LinkCheckOptions {
  outputDir: string;
  /** URL path prefix the site is hosted under (`/` or `/docs/`). */
  pathPrefix: string;
  /** Source line of a link, from the Markdown token maps; undefined for layout links. */
  lineOf?: (inputPath: string, href: string) => number | undefined;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Output files a URL path may be served from: `/a/` → a/index.html; `/a/b` → a/b, a/b.html, a/b/index.html. */
export function candidateFiles(urlPath: string): string[] {
  const rel = urlPath.replace(/^\/+/, "");
  if (rel === "" || rel.endsWith("/")) return [`${rel}index.html`];
  return [rel, `${rel}.html`, `${rel}/index.html`];
}

export function checkLinks(pages: BuiltPage[], options: LinkCheckOptions): Diagnostic[] {
  const facts = new Map<string, PageFacts>();
  for (const page of pages) facts.set(page.outputFile, readPageFacts(page.html));
  const onDisk = (file: string) => facts.has(file) || fs.existsSync(path.join(options.outputDir, file));
  const prefix = options.pathPrefix.endsWith("/") ? options.pathPrefix : `${options.pathPrefix}/`;
  const diagnostics: Diagnostic[] = [];

  for (const page of pages) {
    const pageUrl = `/${page.outputFile.replace(/(^|\/)index\.html$/, "$1")}`;
    for (const { href } of facts.get(page.outputFile)!.links) {
      if (href === "" || EXTERNAL.test(href) || href === "#") continue;
      const report = (code: string, message: string, hint: string) =>
        diagnostics.push({ severity: "warning", code, message, file: page.inputPath, line: options.lineOf?.(page.inputPath, href), hint });
      let url: URL;
      try {
        url = new URL(href, `http://site.invalid${prefix}${pageUrl.slice(1)}`);
      } catch {
        report("LINK_INVALID", `invalid link \`${href}\``, "fix the link's syntax");
        continue;
      }
      let urlPath = decodeURIComponent(url.pathname);
      if (!urlPath.startsWith(prefix)) {
        report("LINK_BROKEN", `link \`${href}\` points outside the site's path prefix ${prefix}`, "use a path inside the site, or the `url` filter");
        continue;
      }
      urlPath = `/${urlPath.slice(prefix.length)}`;
      const target = candidateFiles(urlPath).find(onDisk);
      if (!target) {
        report("LINK_BROKEN", `broken link \`${href}\`: no page at ${urlPath}`, "check the target page's permalink, or remove the link");
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!fragment || fragment === "top") continue;
      const targetFacts = facts.get(target);
      if (targetFacts && !targetFacts.ids.has(fragment)) {
        report("LINK_ANCHOR_MISSING", `link \`${href}\` points to #${fragment}, but ${urlPath} has no element with that id`, "check the heading's id (lower-case, punctuation dropped, spaces as -) or set one with {#id}");
      }
    }
  }
  return diagnostics;
}
