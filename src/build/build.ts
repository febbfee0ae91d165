// The production build: scan → Eleventy (all stages) into staging → swap in only if nothing failed.
import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { createBuildContext, PROJECT_ROOT, setBuildContext, type BuildContext, type BuildOptions } from "./context.ts";
import { diagnosticFromEleventyError } from "./eleventy-errors.ts";
import { loadSiteData, normalizePrefix } from "./vocabulary.ts";
import { copyStaticFiles } from "./static-files.ts";
import { resetEleventyCaches } from "./eleventy-caches.ts";
import { BuildCache, type Fingerprints } from "./build-cache.ts";
import { checkChangedPages, linkPreviousOutput, openWarmBuild, renderOnly, replayed, warmRecord } from "./warm-build.ts";
import { fixRenderOrder } from "./render-order.ts";
import { scaleLookups } from "./eleventy-scaling.ts";
import { PageWrites, writePagesThrough } from "./page-writes.ts";
import { gateLayouts } from "./layout-gate.ts";
import { prepareStaging, discardStaging, recoverInterruptedSwap, swapIn } from "./atomic-output.ts";
import { scanContent } from "../content/scan.ts";
import eleventyConfig from "../../.eleventy.ts";
import { isInside } from "../content/permalink.ts";
import { openJekyllProject, THEME_DATA_DIR } from "../jekyll/project.ts";
import { LastUpdated } from "../layouts/last-updated.ts";

/** Bad configuration or command-line use: exit code 2. */
export class ConfigError extends Error {}

export interface BuildOutcome {
  ok: boolean;
  ctx: BuildContext;
  /** Pages written (0 when the build failed). */
  pages: number;
  ms: number;
  /** True when nothing had changed since the last good build, which was kept as it was. */
  upToDate?: boolean;
  /** A warm build: how many pages it rendered (the rest kept from the last good build). */
  rendered?: number;
  /** Why a warm build was started but the build was made cold. */
  warmFallback?: string;
}

export function checkFolders(options: BuildOptions): void {
  const input = path.resolve(options.input);
  const output = path.resolve(options.output);
  if (!fs.existsSync(input) || !fs.statSync(input).isDirectory()) {
    throw new ConfigError(`the content folder ${input} does not exist`);
  }
  for (const [name, folder] of [["project", PROJECT_ROOT], ["content", input]] as const) {
    if (isInside(output, folder)) {
      throw new ConfigError(`the output folder ${output} equals or contains the ${name} folder ${folder}; a build replaces its output folder, so choose another, e.g. _site`);
    }
  }
  if (isInside(input, output)) {
    throw new ConfigError(`the output folder ${output} is inside the content folder ${input}; its pages would be read back as content`);
  }
}

/** Run the stages up to Eleventy's output, into `writeTo`. Shared by the build and the dev server. */
export async function runPipeline(ctx: BuildContext): Promise<number> {
  // A Jekyll project (`_config.yml` at the input root): its pages live in its `source` folder, and
  // our theme's neutral data replaces the guide's `_data/` (the project's own is its `site.data`).
  const jekyll = ctx.options.compat === false ? { diagnostics: [] } : openJekyllProject(ctx.dirs.input);
  for (const d of jekyll.diagnostics) ctx.diagnostics.report(d);
  if (ctx.diagnostics.errors.length > 0) return 0;
  if (jekyll.project) {
    ctx.jekyll = jekyll.project;
    ctx.dirs.input = jekyll.project.config.source;
    ctx.dirs.data = THEME_DATA_DIR;
  }
  const site = loadSiteData(ctx.dirs.includes, ctx.dirs.data, ctx.diagnostics);
  ctx.siteData = site.files;
  // `--path-prefix` wins over `baseurl` in _config.yml or _data/site.yaml.
  const given = ctx.options.pathPrefix;
  ctx.options.pathPrefix = normalizePrefix(given ?? ctx.jekyll?.config.baseurl ?? site.pathPrefix);
  if (ctx.jekyll && given !== undefined) ctx.jekyll.baseurl = ctx.options.pathPrefix.replace(/\/$/, "");
  const vocab = ctx.jekyll ? ctx.jekyll.vocabulary(site.vocab) : site.vocab;
  ctx.scan = scanContent(ctx.dirs.input, vocab, ctx.jekyll?.profile(site.vocab.layouts));
  for (const d of ctx.scan.diagnostics) ctx.diagnostics.report(d);
  // Pages with errors are left out (scan.ignored) and the rest still renders, so one run reports
  // every error; the build's output is discarded all the same.

  const warm = ctx.warm;
  if (warm) {
    if (ctx.jekyll) warm.abandoned = "a Jekyll project's site.* holds every page's content";
    else checkChangedPages(warm, ctx.scan.pages);
    if (warm.abandoned) return 0;
  }
  copyStaticFiles(ctx);
  if (warm) {
    const linked = linkPreviousOutput(warm, ctx.dirs.output, ctx.scan.pages);
    warm.linked = linked.catch((error: unknown) => void (warm.abandoned ??= `the last output could not be linked: ${error instanceof Error ? error.message : String(error)}`));
    ctx.outputWork.push(warm.linked);
  }
  setBuildContext(ctx);
  await resetEleventyCaches();
  // `.eleventy.ts` is imported here rather than by Eleventy's loader, so it runs through the same
  // TypeScript loader as the rest of the build (tsx, or Vitest in tests).
  const eleventy = new Eleventy(ctx.dirs.input, ctx.dirs.output, {
    configPath: "",
    config: eleventyConfig,
    quietMode: true,
    pathPrefix: ctx.options.pathPrefix,
  });
  // We report Eleventy's failures ourselves, as file:line diagnostics.
  eleventy.disableLogger();
  ctx.eleventy = eleventy;
  const writes = new PageWrites();
  try {
    await eleventy.init();
    quietBenchmarks(eleventy);
    ctx.renderOrderFixed = fixRenderOrder(eleventy);
    scaleLookups(eleventy);
    if (writePagesThrough(eleventy, writes)) ctx.pageWrites = writes;
    gateLayouts(eleventy);
    if (warm && !renderOnly(eleventy, warm)) warm.abandoned = "Eleventy's template map can't be reached";
    if (warm?.abandoned) {
      await warm.linked;
      return 0;
    }
    await eleventy.write();
    await writes.settled();
    await warm?.linked;
  } catch (error) {
    // Writes still in flight would land in a staging folder the caller is about to remove.
    await Promise.allSettled([writes.settled(), ...ctx.outputWork]);
    const d = diagnosticFromEleventyError(error, ctx.sources);
    if (!d) throw error;
    ctx.diagnostics.report(d);
    return 0;
  }
  return ctx.scan.pages.length;
}

export async function build(options: Partial<BuildOptions> = {}): Promise<BuildOutcome> {
  const started = performance.now();
  const base = createBuildContext(options);
  checkFolders(base.options);
  const output = base.dirs.output;
  recoverInterruptedSwap(output);

  // `--no-cache` still records this build, so the next one can find it up to date.
  // One reading of git's log per build: the fingerprint holds each page's date, and the pages show it.
  const dates = new LastUpdated();
  const cache = base.options.mode === "build" ? new BuildCache({ projectRoot: PROJECT_ROOT, options: { ...base.options, cache: true }, inputDirs: [base.dirs.input, base.dirs.data], dates }) : undefined;
  const fingerprints = cache?.fingerprints();
  const useCache = cache !== undefined && fingerprints !== undefined && base.options.cache !== false;
  const hit = useCache ? cache.lookup(fingerprints.all) : undefined;
  if (hit) {
    // Nothing changed: the last good output is what this build would write. Its warnings still
    // count (and still fail a --strict build).
    for (const d of hit.diagnostics) base.diagnostics.report(d);
    const ok = !base.diagnostics.failed(base.options.strict);
    return { ok, ctx: base, pages: ok ? hit.pages : 0, ms: performance.now() - started, upToDate: true };
  }

  // Only page bodies changed: render just those pages (src/build/warm-build.ts).
  const start = useCache ? cache.lookupWarm(fingerprints) : undefined;
  let warmFallback: string | undefined;
  if (start) {
    const ctx = createBuildContext(options, prepareStaging(output));
    ctx.dates = dates;
    const warm = (ctx.warm = openWarmBuild(start, ctx.dirs.input, output));
    const pages = await runInStaging(ctx, output);
    const replay = warm.abandoned === undefined ? replayed(warm, new Set(ctx.scan?.pages.map((p) => p.display)), (d) => ctx.diagnostics.has(d)) : undefined;
    if (typeof replay === "string") warm.abandoned = replay;
    if (warm.abandoned === undefined) {
      if (Array.isArray(replay)) for (const d of replay) ctx.diagnostics.report(d);
      const ok = finish(ctx, output, pages, cache, fingerprints);
      return { ok, ctx, pages: ok ? pages : 0, ms: performance.now() - started, rendered: warm.changed.size };
    }
    discardStaging(output);
    warmFallback = warm.abandoned;
  }

  const ctx = createBuildContext(options, prepareStaging(output));
  ctx.dates = dates;
  const pages = await runInStaging(ctx, output);
  const ok = finish(ctx, output, pages, cache, fingerprints);
  return { ok, ctx, pages: ok ? pages : 0, ms: performance.now() - started, warmFallback };
}

async function runInStaging(ctx: BuildContext, output: string): Promise<number> {
  try {
    return await runPipeline(ctx);
  } catch (error) {
    discardStaging(output);
    throw error;
  }
}

/** Swap the staging folder in if the build passed (and record it), or discard it. Returns whether it passed. */
function finish(ctx: BuildContext, output: string, pages: number, cache: BuildCache | undefined, fingerprints: Fingerprints | undefined): boolean {
  const ok = !ctx.diagnostics.failed(ctx.options.strict);
  if (ok) {
    swapIn(output);
    if (cache && fingerprints) cache.store(fingerprints, pages, ctx.diagnostics.sorted(), warmRecord(ctx));
  } else discardStaging(output);
  return ok;
}

/**
 * Eleventy 3.1 prints "[11ty] Benchmark …" when one of its configuration steps (a preprocessor, a
 * transform) takes over 8% of a build, even in quiet mode: quiet mode reaches only the benchmark
 * groups made after it, and the configuration's group is made before. A warm build is short, so
 * its steps cross 8% easily; these lines mean nothing to a writer.
 */
function quietBenchmarks(eleventy: Eleventy): void {
  const groups = (eleventy as { bench?: { getAll?: () => Record<string, { setIsVerbose?: (verbose: boolean) => void }> } }).bench?.getAll?.() ?? {};
  for (const group of Object.values(groups)) group.setIsVerbose?.(false);
}
