// Keeps the Eleventy instance of the preview's last full build, and types the internals a one-page render uses.
//
// `build()` makes its Eleventy inside `runPipeline` and drops it; the preview needs it afterwards, with
// its configured libraries, layouts and collections, to render a single saved page. Until the build
// hands the instance over itself (see `captureEleventy`), the instance is taken when `write()` is called.
import Eleventy from "@11ty/eleventy";

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

/**
 * Runs `build` and returns the Eleventy instance whose `write()` it called last (undefined if none).
 * Only one capture runs at a time: the preview's builds are serialised.
 *
 * Wiring wanted in src/build/build.ts (then this patch goes): `runPipeline` sets `ctx.eleventy =
 * eleventy` after `eleventy.write()`, with `eleventy?: Eleventy` added to BuildContext.
 */
export async function captureEleventy<T>(build: () => Promise<T>): Promise<{ result: T; eleventy?: EleventyInstance }> {
  const proto = Eleventy.prototype as { write: (this: EleventyInstance) => Promise<unknown> };
  const write = proto.write;
  let captured: EleventyInstance | undefined;
  proto.write = function (this: EleventyInstance) {
    captured = this;
    return write.call(this);
  };
  try {
    const result = await build();
    return { result, eleventy: captured };
  } finally {
    proto.write = write;
  }
}
