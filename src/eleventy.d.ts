// Types for the parts of Eleventy 3 we use. Eleventy ships JSDoc, not declarations, so we
// declare the surface our plugins touch and nothing more.
declare module "@11ty/eleventy" {
  export interface EleventyResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    content: string;
    rawInput?: string;
  }

  export interface EleventyAfterEvent {
    dir: { input: string; output: string; includes: string; data: string };
    results: EleventyResult[];
    runMode: "build" | "watch" | "serve";
    outputMode: string;
  }

  export type Filter = (this: unknown, ...args: any[]) => unknown;

  export interface UserConfig {
    dir?: Record<string, string>;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options?: O): void;
    addFilter(name: string, fn: Filter): void;
    addAsyncFilter(name: string, fn: Filter): void;
    addShortcode(name: string, fn: (...args: any[]) => unknown): void;
    addPairedShortcode(name: string, fn: (content: string, ...args: any[]) => unknown): void;
    addLiquidTag(name: string, factory: (liquidEngine: any) => object): void;
    addGlobalData(name: string, value: unknown): void;
    addDataExtension(ext: string, options: { parser: (contents: string, filePath: string) => unknown; read?: boolean } | ((contents: string) => unknown)): void;
    addPassthroughCopy(src: string | Record<string, string>, options?: object): void;
    addTemplate(virtualPath: string, content: string | ((data: any) => unknown), data?: Record<string, unknown>): void;
    addTransform(name: string, fn: (this: { page: { inputPath: string; outputPath: string | false; url: string } }, content: string) => unknown): void;
    addPreprocessor(name: string, ext: string | string[], fn: (data: any, content: string) => unknown): void;
    addCollection(name: string, fn: (api: any) => unknown): void;
    addWatchTarget(target: string): void;
    setLibrary(ext: string, lib: unknown): void;
    setIncludesDirectory(dir: string): void;
    setDataDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
    amendLibrary(ext: string, fn: (lib: any) => void): void;
    setLiquidOptions(options: Record<string, unknown>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setFrontMatterParsingOptions(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
    setServerPassthroughCopyBehavior(mode: "copy" | "passthrough"): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    setUseTemplateCache(use: boolean): void;
    setDataFileBaseName(name: string): void;
    on(event: "eleventy.before", fn: (e: { runMode: string }) => unknown): void;
    on(event: "eleventy.after", fn: (e: EleventyAfterEvent) => unknown): void;
    on(event: string, fn: (...args: any[]) => unknown): void;
    ignores: Set<string>;
    watchIgnores: Set<string>;
    globalData: Record<string, unknown>;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (config: UserConfig) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    toJSON(): Promise<EleventyResult[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    init(): Promise<void>;
    setIncrementalBuild(on: boolean): void;
    disableLogger(): void;
  }
}

// Search stage: the after-build event also says whether only changed templates were rebuilt.
declare module "@11ty/eleventy" {
  export interface EleventyAfterEvent {
    incremental?: boolean;
    /** Normalized folders; `output` is where this build writes (unlike the legacy `dir.output`). */
    directories?: { input: string; output: string; includes: string; data: string };
  }
}

// Liquid stage: Jekyll filters that only Liquid gets (Eleventy's universal `slugify` must stay for Nunjucks).
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addLiquidFilter(name: string, fn: Filter): void;
  }
}

// Layouts stage: the `url` filter is Eleventy's own, wrapped (src/layouts/url-filter.ts).
declare module "@11ty/eleventy" {
  export interface UserConfig {
    getFilter(name: string): Filter | undefined;
  }
}
