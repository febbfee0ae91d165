// Types the Eleventy internals a one-page render uses, on the instance of the preview's last full build
// (`ctx.eleventy`, set by runPipeline): its configured libraries, layouts and collections.
import type Eleventy from "@11ty/eleventy";

/** One page as Eleventy's template map holds it (Template.getTemplates()). */
export interface EleventyPageEntry {
  url: string | false;
  outputPath: string | false;
  inputPath: string;
  rawInput: string;
  data: Record<string, unknown> & { collections?: unknown; page: Record<string, unknown> };
  templateContent?: string;
  template: EleventyTemplate;
}

export interface EleventyTemplate {
  inputPath: string;
  getData(): Promise<EleventyPageEntry["data"]>;
  getTemplates(data: EleventyPageEntry["data"]): Promise<EleventyPageEntry[]>;
  renderPageEntryWithoutLayout(entry: EleventyPageEntry): Promise<string>;
  renderPageEntry(entry: EleventyPageEntry): Promise<string>;
  setTransforms(transforms: unknown): void;
  setLinters(linters: unknown): void;
  isRenderable(): boolean;
  behavior: { isWriteable(): boolean };
  logger: unknown;
}

export interface EleventyTemplateMap {
  collectionsData: Record<string, unknown> | null;
  getMapEntryForInputPath(inputPath: string): { inputPath: string; template: EleventyTemplate; _pages?: EleventyPageEntry[] } | undefined;
}

/** The parts of Eleventy 3.1's TemplateWriter a one-page render needs (src/TemplateWriter.js). */
export interface EleventyWriter {
  templateMap?: EleventyTemplateMap;
  templateData: unknown;
  extensionMap: unknown;
  templateConfig: unknown;
  config: { transforms: unknown; linters: unknown };
  logger: unknown;
  outputDir: string;
}

export type EleventyInstance = Eleventy & { writer?: EleventyWriter };
