// Small fixture sites for the search tests: pages written to a temp folder and built by Eleventy
// with the search plugin alone, so these tests don't depend on the other stages' progress.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Eleventy, { type UserConfig } from "@11ty/eleventy";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { searchPlugin, type SearchOptions } from "../../src/search/plugin.ts";
import type { PagefindApi, PagefindIndex } from "../../src/search/pagefind.ts";
import type { SearchPage } from "../../src/search/pages.ts";

export interface FixtureSite {
  input: string;
  output: string;
  diagnostics: Diagnostics;
  log: string[];
  build(): Promise<void>;
  /** Start watching, as the preview does; `incremental` rebuilds only the changed templates. */
  watch(incremental: boolean): Promise<void>;
  /** Resolves with the next search log line, i.e. when the next (re)build has been indexed. */
  nextIndexed(): Promise<string>;
  /** Stops watching (if started) and deletes the fixture. */
  write(file: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A page with the markup the layout emits for search (main body, title meta, hidden filters),
 * written out here so the fixture needs no layout.
 */
export function page(o: { title: string; body: string; tags?: string[]; plans?: string[]; beta?: boolean; frontMatter?: string }): string {
  const filters = [
    ...(o.tags ?? []).map((t) => `<span data-pagefind-filter="tag" hidden>${t}</span>`),
    ...(o.plans ?? []).map((p) => `<span data-pagefind-filter="plan" hidden>${p}</span>`),
    ...(o.beta ? [`<span data-pagefind-filter="beta" hidden>Beta</span>`] : []),
  ].join("");
  return `---
title: ${o.title}
${o.frontMatter ?? ""}
---
<!doctype html>
<html lang="en"><head><title>${o.title}</title></head>
<body><header data-pagefind-ignore><nav>Site chrome navword</nav></header>
<main data-pagefind-body><h1 data-pagefind-meta="title">${o.title}</h1>${o.body}${filters}</main></body></html>
`;
}

/** A finished page as Pagefind receives it (main body, title meta, hidden filters, ignored chrome), for tests that index without a build. */
export function searchPage(url: string, title: string, bodyHtml: string, filters: Record<string, string[]> = {}): SearchPage {
  const spans = Object.entries(filters)
    .flatMap(([name, values]) => values.map((v) => `<span data-pagefind-filter="${name}" hidden>${v}</span>`))
    .join("");
  return {
    url,
    inputPath: `content${url}index.md`,
    content: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav data-pagefind-ignore>chrome</nav><main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>${bodyHtml}${spans}</main></body></html>`,
  };
}

export async function fixtureSite(files: Record<string, string>, options: Partial<SearchOptions> = {}): Promise<FixtureSite> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "search-fixture-"));
  const input = path.join(root, "content");
  const output = path.join(root, "_site");
  const configPath = path.join(root, "eleventy.config.mjs");
  await fs.writeFile(configPath, "export default function () {}\n");
  const diagnostics = new Diagnostics();
  const log: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  const logger = (line: string): void => {
    log.push(line);
    waiting.shift()?.(line);
  };
  const write = async (file: string, text: string): Promise<void> => {
    await fs.mkdir(path.dirname(path.join(input, file)), { recursive: true });
    await fs.writeFile(path.join(input, file), text);
  };
  for (const [file, text] of Object.entries(files)) await write(file, text);
  const eleventy = new Eleventy(input, output, {
    configPath,
    quietMode: true,
    runMode: options.mode === "serve" ? "watch" : "build",
    config: (config: UserConfig) => {
      config.addPlugin(searchPlugin, { diagnostics, mode: "build", logger, ...options });
    },
  });
  let watching = false;
  return {
    input,
    output,
    diagnostics,
    log,
    build: async () => {
      await eleventy.write();
    },
    watch: async (incremental) => {
      // The order Eleventy's own command line uses for `--watch`.
      eleventy.setIncrementalBuild(incremental);
      await eleventy.init();
      watching = true;
      await eleventy.watch();
    },
    nextIndexed: () => new Promise<string>((resolve) => waiting.push(resolve)),
    write,
    remove: async () => {
      if (watching) await eleventy.stopWatch();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A stand-in for Pagefind's Node API whose index does what `index` says; the calls a test does not
 * expect reject. `close` resolves unless given.
 */
export function fakePagefind(index: Partial<PagefindIndex>, close: PagefindApi["close"] = async () => null): PagefindApi {
  const unused = () => Promise.reject(new Error("unused"));
  return {
    createIndex: async () => ({
      errors: [],
      index: { addHTMLFile: unused, addCustomRecord: unused, addDirectory: unused, getFiles: unused, writeFiles: unused, deleteIndex: async () => null, ...index },
    }),
    close,
  };
}
