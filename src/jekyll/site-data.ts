// `site.*` for a Jekyll project, shaped as Jekyll gives it to Liquid, plus the fields our layouts read.
//
// Jekyll's site drop: every `_config.yml` key, `site.data` (the source's `_data/`), `site.pages`,
// `site.<collection>` (documents with `url`, `title`, `content`, front matter…), `site.collections`.
// Our layouts (_includes/*.njk) read `site.title`, `site.description`, `site.language` and
// `site.repository`: they are filled from the config here, so the layouts need no Jekyll mode.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import type { ScannedPage, ScanResult } from "../content/scan.ts";
import { splitFrontMatter } from "../frontmatter/split.ts";
import { parseYaml } from "../frontmatter/yaml.ts";
import { createMarkdown } from "../markdown/index.ts";
import type { JekyllProject } from "./project.ts";

export type Doc = Record<string, unknown>;

/** `_data/a/b.yml` → `site.data.a.b`; YAML through our safe parser, JSON strictly. */
export function readDataFolder(dir: string, diagnostics: Diagnostics): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!fs.existsSync(dir)) return out;
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (/^[._]/.test(entry.name)) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out[entry.name] = readDataFolder(file, diagnostics);
      continue;
    }
    const ext = path.extname(entry.name).toLowerCase();
    const key = entry.name.slice(0, -ext.length);
    if (!entry.isFile() || ![".yml", ".yaml", ".json"].includes(ext)) continue;
    const text = fs.readFileSync(file, "utf8");
    if (ext === ".json") {
      try {
        out[key] = JSON.parse(text);
      } catch (error) {
        const at = /position (\d+)/.exec((error as Error).message);
        const line = at ? text.slice(0, Number(at[1])).split("\n").length : 1;
        diagnostics.error({ code: "JEKYLL_DATA", message: `${entry.name} is not valid JSON: ${(error as Error).message}`, file: displayPath(file), line, hint: "fix the JSON syntax at that line (commas, quotes)" });
      }
      continue;
    }
    const parsed = parseYaml(text, 1);
    for (const d of parsed.diagnostics) diagnostics.report({ ...d, file: displayPath(file) });
    out[key] = parsed.data ?? null;
  }
  return out;
}

/** Jekyll's page/document object for Liquid: its front matter plus the fields Jekyll adds. */
export function jekyllDocument(page: ScannedPage, collection: string | undefined, relInSource: string): Doc {
  const { raw } = page;
  const permalink = typeof raw.permalink === "string" ? raw.permalink : undefined;
  const name = relInSource.split("/").pop()!;
  const doc: Doc = {
    ...raw,
    // Jekyll's url is the permalink as written: `/a/b` stays extensionless.
    url: permalink ?? "",
    path: relInSource,
    name,
    dir: permalink ? permalink.replace(/[^/]*$/, "") : "/",
  };
  if (collection) {
    const stem = name.replace(/\.[^.]+$/, "");
    doc.collection = collection;
    doc.relative_path = relInSource;
    doc.slug = typeof raw.slug === "string" ? raw.slug : stem.replace(/^\d{4}-\d{2}-\d{2}-/, "");
    doc.id = permalink ? permalink.replace(/\.html$/, "").replace(/\/$/, "") : `/${collection}/${stem}`;
    doc.output = undefined;
    // Jekyll renders every document before the pages that list them: `content` is the body as HTML.
    // Ours converts the Markdown on first use (Liquid in a listed document's body is left as is).
    let html: string | undefined;
    Object.defineProperty(doc, "content", {
      enumerable: true,
      get: () => (html ??= renderBody(page.file)),
    });
  }
  return doc;
}

let markdown: ReturnType<typeof createMarkdown> | undefined;
function renderBody(file: string): string {
  const body = splitFrontMatter(fs.readFileSync(file, "utf8")).body;
  if (!file.endsWith(".md")) return body;
  markdown ??= createMarkdown();
  return markdown.render(body, {});
}

export interface JekyllSite {
  /** `site` for Liquid and the layouts. */
  site: Record<string, unknown>;
  /** Jekyll's `page` by absolute source file. */
  pages: Map<string, Doc>;
}

export function buildJekyllSite(project: JekyllProject, scan: ScanResult, diagnostics: Diagnostics): JekyllSite {
  const { config } = project;
  const pages = new Map<string, Doc>();
  const listed: Doc[] = [];
  const byCollection = new Map<string, Doc[]>([...config.collections.keys()].map((name) => [name, []]));
  for (const page of [...scan.pages, ...scan.unwritten]) {
    if (page.raw.published === false) continue;
    const kind = project.entries.kindOf(page.rel);
    const doc = jekyllDocument(page, kind.kind === "document" ? kind.collection : undefined, page.rel);
    pages.set(page.file, doc);
    if (kind.kind === "document") byCollection.get(kind.collection)?.push(doc);
    else listed.push(doc);
  }
  // Jekyll sorts pages by file name and documents by path (posts: by date, newest last; site.posts reverses).
  listed.sort((a, b) => String(a.name).localeCompare(String(b.name), "en") || String(a.path).localeCompare(String(b.path), "en"));
  for (const docs of byCollection.values()) docs.sort((a, b) => (String(a.path) < String(b.path) ? -1 : 1));

  const values = config.values;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const site: Record<string, unknown> = {
    ...values,
    title: config.title ?? "Documentation",
    description: text(values.description) ?? "",
    url: config.url,
    baseurl: project.baseurl,
    language: text(values.lang) ?? text(values.language) ?? "en",
    // Our layouts link `site.repository`; jekyll-github-metadata's `owner/name` is not a URL.
    repository: /^https?:\/\//.test(text(values.repository) ?? "") ? values.repository : undefined,
    data: readDataFolder(path.join(config.source, "_data"), diagnostics),
    pages: listed,
    html_pages: listed,
    static_files: scan.staticFiles.map((file) => {
      const rel = path.relative(config.source, file).split(path.sep).join("/");
      return { path: `/${rel}`, name: path.basename(file), basename: path.basename(file, path.extname(file)), extname: path.extname(file) };
    }),
    collections: [...config.collections.values()].map((c) => ({ label: c.name, output: c.output, permalink: c.permalink, docs: byCollection.get(c.name) ?? [] })),
  };
  for (const [name, docs] of byCollection) site[name] = name === "posts" ? [...docs].reverse() : docs;
  return { site, pages };
}
