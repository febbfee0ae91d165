// A warm build after an edit: when only the bodies of some written pages changed since the last good
// build (src/build/build-cache.ts), only those pages are rendered. Every other file of the last good
// output is hard-linked into the staging folder; what the pages not rendered would report again is
// replayed from the cache (their Markdown, Liquid and layout warnings, and the source lines of their
// links); the link check still reads every page, since an edited heading can break another page's
// link; and the search stage splices the rendered pages into the last build's packaged bundle
// (src/search/bundle-patch.ts). The output and the warnings are those of a cold build of the same
// input (tests/build/warm-build.test.ts compares them file for file).
//
// Why our own and not Eleventy's `--incremental`: that mode writes into the output folder in place
// (we build into a staging folder and swap it in whole), keeps no warnings, and renders again every
// template that uses a collection, which is every page of the guide (the sidebar).
//
// A page body can't change another page's output here: the sidebar, tag, contributor and listing
// pages read front matter only (titles, descriptions), and no template reads another page's content.
// A page's "last updated" date (from git) goes with its body in the fingerprint, so a commit renders
// again the pages it touched; the sitemap lists every page's date and is rendered in every warm build.
// Anything else (front matter, a layout, an include, data, our code, a page added or removed) is in
// the other part of the fingerprint and gets a cold build. So does a Jekyll project, whose `site.*`
// holds every page's content.
import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type Eleventy from "@11ty/eleventy";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { LINK_CODES } from "../checks/links.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import type { ScannedPage } from "../content/scan.ts";
import { liveWriter } from "../serve/live-page.ts";
import type { WarmRecord, WarmStart } from "./build-cache.ts";
import type { BuildContext } from "./context.ts";
import { onTemplateMap } from "./template-map.ts";
import { mapBounded } from "../search/bundle-patch.ts";
import { SITEMAP } from "../layouts/generated-pages.ts";

export interface WarmBuild {
  /** The last good output's files (relative paths), as the build cache listed them. */
  previousFiles: string[];
  /** Resolves once they are linked (see `linkPreviousOutput`). */
  linked?: Promise<void>;
  /** The pages to render, absolute paths. */
  changed: Set<string>;
  /** Other templates rendered in every warm build (absolute paths), and the output files they write. */
  alsoRendered: { templates: Set<string>; outputs: Set<string> };
  /** The same pages as diagnostics name them. */
  changedDisplay: Set<string>;
  /** The last good output, read and hard-linked from. */
  previousOutput: string;
  record: WarmRecord;
  previousDiagnostics: Diagnostic[];
  /** Why this build can't be finished warm; the caller then builds cold. */
  abandoned?: string;
}

export function openWarmBuild(start: WarmStart, input: string, previousOutput: string): WarmBuild {
  const changed = start.changed.map((rel) => path.join(input, rel));
  return {
    previousFiles: Object.keys(start.entry.output),
    changed: new Set(changed),
    alsoRendered: { templates: new Set([path.join(input, SITEMAP.template)]), outputs: new Set([SITEMAP.output]) },
    changedDisplay: new Set(changed.map((file) => displayPath(file))),
    previousOutput,
    record: start.entry.warm,
    previousDiagnostics: start.entry.diagnostics,
  };
}

/** What a warm build compares a saved page's front matter by: its output file and its data as the build read it. */
export function frontMatterKey(page: ScannedPage): string {
  return crypto.createHash("sha256").update(JSON.stringify([page.outputFile, page.raw])).digest("hex");
}

/**
 * After the content scan: the changed pages must still write the same file from the same front
 * matter. The fingerprint splits each file at its front matter; this checks the split against the
 * scan's own reading of it.
 */
export function checkChangedPages(warm: WarmBuild, pages: readonly ScannedPage[]): void {
  for (const file of warm.changed) {
    const page = pages.find((p) => p.file === file);
    const before = page && warm.record.pages[page.rel];
    if (!page || !before || before.frontMatter !== frontMatterKey(page) || !page.outputFile) {
      warm.abandoned = `${displayPath(file)}: its front matter or output changed`;
      return;
    }
  }
}

/**
 * Hard-link every file of the last good output into `staging`, except those already there (the static files, copied fresh) and the changed pages'
 * outputs and the sitemap (rendered again). Nothing writes into a linked file: only those are
 * written, and the search bundle is changed by writing new files and renaming them into place.
 * Runs on libuv's threads while Eleventy reads the site's data on this one.
 */
export async function linkPreviousOutput(warm: WarmBuild, staging: string, pages: readonly ScannedPage[]): Promise<void> {
  const skip = new Set([...pages.filter((p) => warm.changed.has(p.file)).map((p) => p.outputFile), ...warm.alsoRendered.outputs]);
  const made = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let done = made.get(dir);
    if (!done) made.set(dir, (done = fsp.mkdir(dir, { recursive: true })));
    return done;
  };
  await mapBounded(
    warm.previousFiles.filter((rel) => !skip.has(rel.split(path.sep).join("/"))),
    32,
    async (rel) => {
      const target = path.join(staging, rel);
      await folder(path.dirname(target));
      try {
        await fsp.link(path.join(warm.previousOutput, rel), target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
        await fsp.copyFile(path.join(warm.previousOutput, rel), target);
      }
    },
  );
}

interface Renderable {
  setRenderableOverride?: (value: boolean | undefined) => void;
}

/** Eleventy renders and writes only the changed pages; the others still give their data and collections. Call after `init()`. */
export function renderOnly(eleventy: Eleventy, warm: WarmBuild): boolean {
  return onTemplateMap(eleventy, (map) => {
    for (const entry of map) {
      const file = path.resolve(entry.inputPath);
      if (warm.changed.has(file) || warm.alsoRendered.templates.has(file)) continue;
      const template = entry.template as Renderable | undefined;
      if (typeof template?.setRenderableOverride !== "function") {
        warm.abandoned = "Eleventy's templates can't be left unrendered";
        return;
      }
      template.setRenderableOverride(false);
    }
  });
}

/** A page this build did not render, as Eleventy's `eleventy.after` results would give it (without its content). */
export interface KeptPage {
  url: string;
  inputPath: string;
  outputPath: string;
}

/** The pages this build did not render, kept as the last good build wrote them. */
export function keptPages(eleventy: Eleventy | undefined): KeptPage[] {
  const pages: KeptPage[] = [];
  for (const entry of liveWriter(eleventy)?.templateMap.map ?? []) {
    if (entry.template.isRenderable()) continue;
    for (const page of entry._pages ?? []) {
      if (typeof page.outputPath !== "string" || typeof page.url !== "string" || !page.template.behavior.isWriteable()) continue;
      pages.push({ url: page.url, inputPath: page.inputPath, outputPath: page.outputPath });
    }
  }
  return pages;
}

/**
 * The last good build's findings about the pages this build did not render, which it did not make
 * again (`produced`). A finding it did not make again about another file (an include, a
 * data file) or about none may have come from rendering a page that was edited since, or from one
 * that was not: that can't be told apart, so the reason is returned instead and the build is made cold.
 */
export function replayed(warm: WarmBuild, pages: ReadonlySet<string>, produced: (d: Diagnostic) => boolean): Diagnostic[] | string {
  const replay: Diagnostic[] = [];
  for (const d of warm.previousDiagnostics) {
    if (LINK_CODES.has(d.code) || produced(d)) continue;
    if (d.file === undefined || !pages.has(d.file)) return `the last build's ${d.code} about ${d.file ?? "the site"} may have come from an edited page`;
    if (!warm.changedDisplay.has(d.file)) replay.push(d);
  }
  return replay;
}

/** What the next warm build needs of this one, or undefined when it can't follow it. */
export function warmRecord(ctx: BuildContext): WarmRecord | undefined {
  if (ctx.jekyll || !ctx.scan || !ctx.linkLines || !ctx.linkFacts) return undefined;
  const pages: WarmRecord["pages"] = {};
  for (const page of ctx.scan.pages) pages[page.rel] = { outputFile: page.outputFile, frontMatter: frontMatterKey(page) };
  return { pages, linkLines: ctx.linkLines.entries(), facts: ctx.linkFacts };
}

