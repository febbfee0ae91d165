// Link and anchor check: every internal href and #fragment in the built site must resolve.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { PageFactsReader, type PageFacts, type SharedPart } from "./html-facts.ts";

export interface BuiltPage {
  /** Output file relative to the output folder, forward slashes (e.g. `a/b/index.html`). */
  outputFile: string;
  /** Project-relative source path, for the report. */
  inputPath: string;
  html: string;
  /** A part of the page other pages share (its sidebar), read once for all of them. */
  shared?: SharedPart;
}

export interface LinkCheckOptions {
  outputDir: string;
  /** URL path prefix the site is hosted under (`/` or `/docs/`). */
  pathPrefix: string;
  /** Source line of a link, from the Markdown token maps; undefined for layout links. */
  lineOf?: (inputPath: string, href: string) => number | undefined;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Every code the link check reports. */
export const LINK_CODES: ReadonlySet<string> = new Set(["LINK_INVALID", "LINK_BROKEN", "LINK_ANCHOR_MISSING"]);

/** Output files a URL path may be served from: `/a/` → a/index.html; `/a/b` → a/b, a/b.html, a/b/index.html. */
export function candidateFiles(urlPath: string): string[] {
  const rel = urlPath.replace(/^\/+/, "");
  if (rel === "" || rel.endsWith("/")) return [`${rel}index.html`];
  return [rel, `${rel}.html`, `${rel}/index.html`];
}

/** Each page's ids and links, by output file. */
export function readAllFacts(pages: readonly BuiltPage[]): Map<string, PageFacts> {
  const reader = new PageFactsReader();
  return new Map(pages.map((page) => [page.outputFile, reader.read(page.html, page.shared)]));
}

/**
 * `readAllFacts`, in slices of about `sliceMs` each, letting the event loop run between slices. Reading
 * every page takes seconds on a large site; meanwhile the search stage must take Pagefind's replies
 * and start writing its bundle on the other core, and the preview must keep serving.
 */
export async function readAllFactsInSlices(pages: readonly BuiltPage[], sliceMs = 10): Promise<Map<string, PageFacts>> {
  const facts = new Map<string, PageFacts>();
  const reader = new PageFactsReader();
  let sliceStart = performance.now();
  for (const page of pages) {
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    facts.set(page.outputFile, reader.read(page.html, page.shared));
  }
  return facts;
}

/** The decoded fragment of `#…`, read as the URL parser reads it; undefined if it does not decode. */
function fragmentOf(href: string): string | undefined {
  try {
    return decodeURIComponent(new URL(href, "http://site.invalid/").hash.slice(1));
  } catch {
    return undefined;
  }
}

/** Where a link leads, worked out once per distinct href (and page folder, for a relative one). */
type Resolution =
  | { kind: "skip" }
  | { kind: "invalid" }
  | { kind: "outside" }
  | { kind: "broken"; urlPath: string }
  | { kind: "page"; urlPath: string; target: string; fragment: string };
const SKIP: Resolution = { kind: "skip" };
const INVALID: Resolution = { kind: "invalid" };

export function checkLinks(pages: BuiltPage[], options: LinkCheckOptions, facts = readAllFacts(pages)): Diagnostic[] {
  const disk = new Map<string, boolean>();
  const onDisk = (file: string) => {
    if (facts.has(file)) return true;
    let found = disk.get(file);
    if (found === undefined) disk.set(file, (found = fs.existsSync(path.join(options.outputDir, file))));
    return found;
  };
  const prefix = options.pathPrefix.endsWith("/") ? options.pathPrefix : `${options.pathPrefix}/`;
  const diagnostics: Diagnostic[] = [];

  const lookUp = (href: string, pageUrl: string): Resolution => {
    if (href === "" || EXTERNAL.test(href) || href === "#") return SKIP;
    let url: URL | undefined;
    let urlPath = "";
    let fragment = "";
    try {
      url = new URL(href, `http://site.invalid${prefix}${pageUrl.slice(1)}`);
      // A stray `%` (as in `50%-off`) makes decoding throw: an invalid link, not a crash.
      urlPath = decodeURIComponent(url.pathname);
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      return INVALID;
    }
    if (!urlPath.startsWith(prefix)) return { kind: "outside" };
    urlPath = `/${urlPath.slice(prefix.length)}`;
    const target = candidateFiles(urlPath).find(onDisk);
    return target ? { kind: "page", urlPath, target, fragment } : { kind: "broken", urlPath };
  };

  // Every page repeats the layout's links (sidebar, header, assets): each is resolved once. A
  // root-relative link means the same from every page, a relative one from every page in the same
  // folder: they are kept by folder, so no key is built per link (a 4,000-page site has about
  // 600,000 links). A link to a fragment of the page itself (a TOC's) leads to that page only.
  const rooted = new Map<string, Resolution>();
  const byFolder = new Map<string, Map<string, Resolution>>();
  const ownFragments = new Map<string, string | undefined>();
  const resolve = (href: string, pageUrl: string, folder: Map<string, Resolution>, outputFile: string): Resolution => {
    if (href.startsWith("#") && href !== "#") {
      if (!ownFragments.has(href)) ownFragments.set(href, fragmentOf(href));
      const fragment = ownFragments.get(href);
      return fragment === undefined ? INVALID : { kind: "page", urlPath: pageUrl, target: outputFile, fragment };
    }
    // A query of the page itself is rare: not kept.
    const known = href.startsWith("/") ? rooted : href.startsWith("?") ? undefined : folder;
    let r = known?.get(href);
    if (!r) {
      r = lookUp(href, pageUrl);
      known?.set(href, r);
    }
    return r;
  };

  // Declared once, not per link: a closure made in the loop costs a defineProperty per link under tsx.
  function report(page: BuiltPage, href: string, code: string, message: string, hint: string): void {
    diagnostics.push({ severity: "warning", code, message, file: page.inputPath, line: options.lineOf?.(page.inputPath, href), hint });
  }

  for (const page of pages) {
    const pageUrl = `/${page.outputFile.replace(/(^|\/)index\.html$/, "$1")}`;
    const folderUrl = pageUrl.replace(/[^/]*$/, "");
    let folder = byFolder.get(folderUrl);
    if (!folder) byFolder.set(folderUrl, (folder = new Map()));
    for (const { href } of facts.get(page.outputFile)!.links) {
      const r = resolve(href, pageUrl, folder, page.outputFile);
      if (r.kind === "skip") continue;
      if (r.kind === "invalid") {
        report(page, href, "LINK_INVALID", `invalid link \`${href}\``, "fix the link's syntax");
      } else if (r.kind === "outside") {
        report(page, href, "LINK_BROKEN", `link \`${href}\` points outside the site's path prefix ${prefix}`, "use a path inside the site, or the `url` filter");
      } else if (r.kind === "broken") {
        report(page, href, "LINK_BROKEN", `broken link \`${href}\`: no page at ${r.urlPath}`, "check the target page's permalink, or remove the link");
      } else if (r.fragment && r.fragment !== "top") {
        const targetFacts = facts.get(r.target);
        if (targetFacts && !targetFacts.ids.has(r.fragment)) {
          report(page, href, "LINK_ANCHOR_MISSING", `link \`${href}\` points to #${r.fragment}, but ${r.urlPath} has no element with that id`, "check the heading's id (lower-case, punctuation dropped, spaces as -) or set one with {#id}");
        }
      }
    }
  }
  return diagnostics;
}
