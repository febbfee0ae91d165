// Renders one saved page through the last full build's Eleventy: its libraries, layouts, transforms and collections.
//
// Eleventy's own incremental build re-creates the data of every template and all collections on each
// save (seconds at 4,000 pages). A page whose front matter is unchanged cannot change a collection, so
// the preview renders just that template, with the collections the full build made.
import path from "node:path";
import type { EleventyInstance, EleventyPageEntry, EleventyTemplate, EleventyWriter } from "./eleventy-handle.ts";

export interface RenderedPage {
  url: string;
  /** Eleventy's input path of the template (as in its results). */
  inputPath: string;
  /** Output file relative to the build's output folder, `/`-separated. */
  outputFile: string;
  html: string;
  /** The page's `search` value from its data cascade (`false` leaves it out of the index). */
  search: unknown;
}

type TemplateClass = (new (inputPath: string, templateData: unknown, extensionMap: unknown, templateConfig: unknown) => EleventyTemplate) & {
  /** TemplateContent's process-wide cache of file text (used when the template cache is on). */
  deleteFromInputCache(inputPath: string): void;
};

interface MapEntry {
  inputPath: string;
  template: EleventyTemplate;
  _pages?: EleventyPageEntry[];
}

/** The writer of a finished build, if it has its template map and collections (else undefined). */
export function liveWriter(eleventy: EleventyInstance | undefined): (EleventyWriter & { templateMap: { map: MapEntry[] } }) | undefined {
  const writer = eleventy?.writer;
  const map = writer?.templateMap as { map?: MapEntry[]; collectionsData?: unknown } | undefined;
  if (!writer || !Array.isArray(map?.map) || !map.collectionsData) return undefined;
  return writer as EleventyWriter & { templateMap: { map: MapEntry[] } };
}

/** The template map entry of a source file (absolute path), if the build rendered it. */
export function mapEntryFor(eleventy: EleventyInstance, file: string): MapEntry | undefined {
  const map = liveWriter(eleventy)?.templateMap.map ?? [];
  return map.find((entry) => path.resolve(entry.inputPath) === file);
}

/**
 * Render the template of `file` again, from disk, through layouts and transforms. Nothing is written:
 * the caller decides where. Throws what Eleventy throws (a Liquid error, a missing include…).
 */
export async function renderPage(eleventy: EleventyInstance, file: string): Promise<RenderedPage[]> {
  const writer = liveWriter(eleventy);
  const old = mapEntryFor(eleventy, file);
  if (!writer || !old) throw new Error(`internal: ${file} is not a page of the last build`);
  // A fresh Template (as TemplateWriter._createTemplate makes one), so nothing of the old render is reused.
  const Template = old.template.constructor as TemplateClass;
  Template.deleteFromInputCache(old.inputPath);
  const template = new Template(old.inputPath, writer.templateData, writer.extensionMap, writer.templateConfig);
  template.logger = writer.logger;
  template.setTransforms(writer.config.transforms);
  template.setLinters(writer.config.linters);

  const data = await template.getData();
  data.collections = writer.templateMap.collectionsData;
  const outputDir = path.resolve(writer.outputDir);
  const pages: RenderedPage[] = [];
  for (const entry of await template.getTemplates(data)) {
    // Each page of a paginated template has a template of its own, as in TemplateMap and generateMapEntry.
    const own = entry.template;
    if (!own.isRenderable() || !own.behavior.isWriteable()) continue;
    entry.templateContent = await own.renderPageEntryWithoutLayout(entry);
    const html = await own.renderPageEntry(entry);
    if (typeof entry.url !== "string" || typeof entry.outputPath !== "string") continue;
    pages.push({ url: entry.url, inputPath: entry.inputPath, outputFile: path.relative(outputDir, path.resolve(entry.outputPath)).split(path.sep).join("/"), html, search: entry.data.search });
  }
  return pages;
}
