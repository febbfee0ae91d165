// One place where the build reaches into Eleventy's internals: its template map, once filled.
//
// Eleventy has no hook between filling its template map (one entry per template, as each file's data
// finishes loading) and rendering from it. The build needs one twice: to fix the render order
// (render-order.ts) and to write pages off its thread (page-writes.ts). So this wraps one method of
// Eleventy 3.1's TemplateWriter (`_addToTemplateMapFullBuild`, src/TemplateWriter.js), on one
// instance. Where that method is missing (another Eleventy version) it returns false, and each
// caller falls back to Eleventy's own behaviour, which costs time, not correctness.
import type Eleventy from "@11ty/eleventy";

export interface MapEntry {
  inputPath: string;
  template?: unknown;
}

/** Eleventy 3.1's TemplateMap (src/TemplateMap.js), as far as the build reaches into it. */
export interface TemplateMapInternals {
  map?: MapEntry[];
  config?: { uses?: { map?: unknown } };
  getMapEntryForInputPath?: (inputPath: string) => MapEntry | undefined;
}

interface TemplateWriterInternals {
  templateMap?: TemplateMapInternals;
  _addToTemplateMapFullBuild?: (...args: unknown[]) => Promise<unknown>;
}

/**
 * Run `fn` on the template map each time this instance fills it for a full build, before anything
 * renders and before Eleventy builds its dependency graph from it. `fn` gets the map's entries and
 * the TemplateMap that holds them. Call after `init()` (which creates the writer) and before
 * `write()`. Returns whether the hook is in place.
 */
export function onTemplateMap(eleventy: Eleventy, fn: (map: MapEntry[], templateMap: TemplateMapInternals) => void): boolean {
  const writer = (eleventy as Eleventy & { writer?: TemplateWriterInternals }).writer;
  const fill = writer?._addToTemplateMapFullBuild;
  if (!writer || typeof fill !== "function") return false;
  writer._addToTemplateMapFullBuild = async function (this: TemplateWriterInternals, ...args: unknown[]) {
    const result = await fill.apply(this, args);
    const map = this.templateMap?.map;
    if (Array.isArray(map)) fn(map, this.templateMap!);
    return result;
  };
  return true;
}
