// The preview's fast path: a saved content page whose front matter is unchanged is checked, rendered and written on its own.
//
// Anything that can change another page (front matter, which feeds the sidebar, tags, contributors,
// redirects and the sitemap; a layout, include or data file; a page added, deleted or renamed) gets
// the full build instead: `edit` answers "full" and the caller rebuilds.
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type MarkdownIt from "markdown-it";
import type { BuildContext } from "../build/context.ts";
import { diagnosticFromEleventyError } from "../build/eleventy-errors.ts";
import { loadSiteData } from "../build/vocabulary.ts";
import { LinkLines } from "../checks/link-lines.ts";
import { checkLinks } from "../checks/links.ts";
import { assertInsideOutput } from "../checks/output-containment.ts";
import { scanFile, type ScannedPage } from "../content/scan.ts";
import { compareDiagnostics, Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import type { SiteVocabulary } from "../frontmatter/validate.ts";
import { SearchPageSet, type SearchPage } from "../search/pages.ts";
import type { EleventyInstance } from "./eleventy-handle.ts";
import { liveWriter, mapEntryFor, renderPage, type RenderedPage } from "./live-page.ts";

export type EditOutcome =
  /** The change needs the full build. */
  | { kind: "full"; reason: string }
  /** The page has errors: nothing was written, the last good HTML stays. */
  | { kind: "failed"; diagnostics: Diagnostic[] }
  /** The page renders to the HTML already on disk (a second save, an editor touching the file): nothing was written. */
  | { kind: "unchanged"; diagnostics: Diagnostic[] }
  /** The page's new HTML is on disk. */
  | { kind: "written"; pages: SearchPage[]; diagnostics: Diagnostic[] };

export class LiveSite {
  readonly #ctx: BuildContext;
  readonly #eleventy: EleventyInstance;
  readonly #vocab: SiteVocabulary;
  /** The served folder (the build wrote to a staging folder that is now this one). */
  readonly #output: string;
  /** Diagnostics of the site as it now stands: the full build's, with each saved page's own replaced. */
  #diagnostics: Diagnostic[];

  private constructor(ctx: BuildContext, eleventy: EleventyInstance, vocab: SiteVocabulary, output: string) {
    this.#ctx = ctx;
    this.#eleventy = eleventy;
    this.#vocab = vocab;
    this.#output = output;
    this.#diagnostics = ctx.diagnostics.sorted();
  }

  /**
   * The fast path over a full build that passed, or undefined where it does not apply: a Jekyll
   * project (its `site.*` is made from every page's content), or a build without a template map.
   */
  static open(ctx: BuildContext, eleventy: EleventyInstance | undefined, output: string): LiveSite | undefined {
    if (!eleventy || !liveWriter(eleventy) || ctx.jekyll || !ctx.scan) return undefined;
    // The same vocabulary the build's scan used (runPipeline); its diagnostics were reported then.
    const vocab = loadSiteData(ctx.dirs.includes, ctx.dirs.data, new Diagnostics()).vocab;
    return new LiveSite(ctx, eleventy, vocab, path.resolve(output));
  }

  get diagnostics(): Diagnostic[] {
    return this.#diagnostics;
  }

  /** Every indexed page of the build, as the search plugin selects them (read back from the served folder). */
  searchPages(): SearchPage[] {
    const set = new SearchPageSet();
    const results = [];
    for (const entry of liveWriter(this.#eleventy)?.templateMap.map ?? []) {
      for (const page of entry._pages ?? []) {
        set.noteSearchFlag(page.inputPath, page.data.search);
        if (typeof page.outputPath !== "string" || typeof page.url !== "string") continue;
        const file = this.#served(page.outputPath);
        if (!fs.existsSync(file)) continue;
        results.push({ url: page.url, inputPath: page.inputPath, outputPath: file, content: fs.readFileSync(file, "utf8") });
      }
    }
    set.update(results);
    return set.all();
  }

  /** Check, render and write one saved page (absolute path), or say why it needs the full build. */
  async edit(file: string): Promise<EditOutcome> {
    const { scan, diagnostics, sources } = this.#ctx;
    const index = scan!.pages.findIndex((p) => p.file === file);
    if (index < 0) return { kind: "full", reason: "not a page of the last build" };
    if (!fs.existsSync(file)) return { kind: "full", reason: "deleted" };
    const old = scan!.pages[index]!;
    const scanned = scanFile(file, this.#ctx.dirs.input, this.#vocab);
    if (scanned.kind === "failed") return this.#failed(old, scanned.diagnostics);
    if (scanned.kind !== "page") return { kind: "full", reason: "no longer a written page" };
    if (!sameNavigation(old, scanned.page)) return { kind: "full", reason: "front matter changed" };
    if (!mapEntryFor(this.#eleventy, file)) return { kind: "full", reason: "not rendered by the last build" };

    // The stages report into the build's collector; it holds only this render's findings from here.
    diagnostics.clear();
    sources.setBodyStart(file, scanned.page.bodyStartLine);
    const lines = this.#freshLinkLines();
    let rendered: RenderedPage[];
    try {
      rendered = await renderPage(this.#eleventy, file);
    } catch (error) {
      const d = diagnosticFromEleventyError(error, sources);
      if (!d) throw error;
      return this.#failed(old, [...scanned.diagnostics, ...diagnostics.sorted(), d]);
    }
    const found = [...scanned.diagnostics, ...diagnostics.sorted()];
    const pages = rendered.map((p) => ({ url: p.url, content: p.html, inputPath: displayPath(p.inputPath), outputFile: p.outputFile }));
    if (!found.some((d) => d.severity === "error")) {
      // Links to other pages are checked against the files on disk; anchors in other pages wait for the next full build.
      found.push(...checkLinks(pages.map((p) => ({ outputFile: p.outputFile, inputPath: p.inputPath, html: p.content })), { outputDir: this.#output, pathPrefix: this.#ctx.options.pathPrefix ?? "/", lineOf: lines && ((f, href) => lines.lineOf(f, href)) }));
    }
    if (found.some((d) => d.severity === "error" || this.#ctx.options.strict)) return this.#failed(old, found);

    scan!.pages[index] = scanned.page;
    this.#replace(old.display, found);
    if (pages.every((p) => sameContent(path.join(this.#output, p.outputFile), p.content))) return { kind: "unchanged", diagnostics: this.#diagnostics };
    for (const page of pages) writeAtomically(this.#output, page.outputFile, page.content, old.display);
    // The search plugin's own rules for which pages are indexed (HTML output, not `search: false`).
    const indexed = new SearchPageSet();
    for (const p of rendered) indexed.noteSearchFlag(p.inputPath, p.search);
    indexed.update(rendered.map((p) => ({ url: p.url, inputPath: p.inputPath, outputPath: p.outputFile, content: p.html })));
    return { kind: "written", pages: indexed.all(), diagnostics: this.#diagnostics };
  }

  #failed(page: ScannedPage, found: Diagnostic[]): EditOutcome {
    this.#replace(page.display, found);
    return { kind: "failed", diagnostics: this.#diagnostics };
  }

  #replace(display: string, found: Diagnostic[]): void {
    this.#diagnostics = [...this.#diagnostics.filter((d) => d.file !== display), ...found].sort(compareDiagnostics);
  }

  #served(outputPath: string): string {
    const writer = liveWriter(this.#eleventy)!;
    return path.join(this.#output, path.relative(path.resolve(writer.outputDir), path.resolve(outputPath)));
  }

  /**
   * A new link-line recorder in place of the build's (which keeps a link's first line, from before
   * the save), in the build's Markdown library: the one the render uses.
   */
  #freshLinkLines(): LinkLines | undefined {
    const md = this.#ctx.markdown;
    if (!md) return undefined;
    const lines = new LinkLines(this.#ctx.sources);
    // LinkLines registers its rule with `push`; `at` swaps it for the build's rule of the same name.
    lines.plugin({ core: { ruler: { push: (name: string, rule: never) => md.core.ruler.at(name, rule) } } } as unknown as MarkdownIt);
    return lines;
  }
}

/** Same front matter (the sidebar, tags, contributors, redirects and sitemap read it) and same output file. */
function sameNavigation(old: ScannedPage, next: ScannedPage): boolean {
  return old.outputFile === next.outputFile && isDeepStrictEqual(old.raw, next.raw);
}

function sameContent(file: string, content: string): boolean {
  try {
    return fs.readFileSync(file, "utf8") === content;
  } catch {
    return false;
  }
}

/** Write beside the old file and rename over it, so the preview never serves half a page. */
function writeAtomically(outputDir: string, outputFile: string, content: string, inputPath: string): void {
  const target = path.join(outputDir, outputFile);
  assertInsideOutput(outputDir, target, inputPath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, target);
}
