// The build's linear stand-ins for two of Eleventy 3.1's lookups (src/build/eleventy-scaling.ts) must
// answer exactly as Eleventy's own: each is compared with the method it replaces, on the real classes.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { indexEdgeChecks, indexMapLookups, scaleLookups } from "../../src/build/eleventy-scaling.ts";
import type { MapEntry, TemplateMapInternals } from "../../src/build/template-map.ts";
import { parseDocument } from "../helpers/html.ts";
import { manifest, stockEleventy } from "../helpers/site.ts";

const eleventySrc = path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy")));
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(eleventySrc, file)).href)) as T;

type Lookup = (this: TemplateMapInternals, inputPath: string) => MapEntry | undefined;
const { default: TemplateMap } = await load<{ default: { prototype: { getMapEntryForInputPath: Lookup } } }>("TemplateMap.js");
const eleventysLookup = TemplateMap.prototype.getMapEntryForInputPath;

interface DepGraph {
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  addTemplate(file: string, consumes?: string[], publishesTo?: string[]): void;
  uses(from: string, to: string): void;
  removeNode(node: string): void;
  removeDependency(from: string, to: string): void;
  overallOrder(): string[];
}
const { TemplateDepGraph } = await load<{ TemplateDepGraph: new () => DepGraph }>("Util/TemplateDepGraph.js");

describe("a template map's lookup by input path", () => {
  const cwd = process.cwd();
  const entry = (inputPath: string, name = inputPath): MapEntry => ({ inputPath, template: { name } });

  /** Every answer of the indexed lookup, next to Eleventy's own scan over the same map. */
  function answers(map: MapEntry[], queries: string[], change?: (map: MapEntry[]) => void) {
    const templateMap: TemplateMapInternals = { map, getMapEntryForInputPath: eleventysLookup };
    indexMapLookups(templateMap);
    const ask = () => queries.map((q) => [templateMap.getMapEntryForInputPath!(q), eleventysLookup.call({ map }, q)]);
    if (!change) return ask();
    const before = ask();
    change(map);
    return [...before, ...ask()];
  }

  it("finds the entry Eleventy finds, for relative, absolute, unknown and generated paths", () => {
    const map = [entry("./content/b.md"), entry("./content/a.md"), entry(path.join(cwd, "_generated/404.njk")), entry("./content/c/index.md")];
    const queries = ["./content/a.md", "./content/b.md", "./content/c/index.md", path.join(cwd, "_generated/404.njk"), "./_generated/404.njk", "./content/missing.md", path.join(cwd, "content/a.md")];
    const pairs = answers(map, queries);
    for (const [ours, theirs] of pairs) expect(ours).toBe(theirs);
    // The comparison has teeth: most queries find an entry, and the generated page is found by both forms.
    expect(pairs.filter(([, theirs]) => theirs !== undefined)).toHaveLength(5);
  });

  it("sees entries pushed after its first answer, and the map sorted in place", () => {
    const pairs = answers([entry("./b.md"), entry("./a.md")], ["./a.md", "./b.md", "./c.md"], (map) => {
      map.push(entry("./c.md"));
      map.sort((x, y) => (x.inputPath < y.inputPath ? -1 : 1));
    });
    for (const [ours, theirs] of pairs) expect(ours).toBe(theirs);
    expect(pairs[5]![0]).toMatchObject({ inputPath: "./c.md" });
  });

  it("answers with the first entry when a path is in the map twice, or once in each form", () => {
    const twice = [entry("./a.md", "first"), entry("./b.md"), entry("./a.md", "second")];
    const bothForms = [entry(path.join(cwd, "x.md"), "absolute"), entry("./x.md", "relative")];
    for (const [map, query] of [[twice, "./a.md"], [bothForms, "./x.md"]] as const) {
      const pairs = answers(map, [query], (m) => m.reverse());
      for (const [ours, theirs] of pairs) expect(ours).toBe(theirs);
      // Reversing the map changes which entry comes first, and the lookup follows.
      expect(pairs[0]![0]).not.toBe(pairs[1]![0]);
    }
  });
});

describe("a dependency graph's edge checks", () => {
  /** The same operations on Eleventy's graph and on one with indexed edge checks. */
  function both(ops: (g: DepGraph) => void): [DepGraph, DepGraph] {
    const plain = new TemplateDepGraph();
    const indexed = new TemplateDepGraph();
    indexEdgeChecks(indexed);
    ops(plain);
    ops(indexed);
    return [plain, indexed];
  }
  const edges = (g: DepGraph) => ({ out: Object.fromEntries(g.outgoingEdges), in: Object.fromEntries(g.incomingEdges) });

  it("adds each edge once, in the order Eleventy does, on lists long enough to be indexed", () => {
    const pages = Array.from({ length: 80 }, (_, i) => `./content/p${String(i).padStart(2, "0")}.md`);
    const [plain, indexed] = both((g) => {
      for (const [i, page] of pages.entries()) g.addTemplate(page, i % 7 === 0 ? ["all"] : [], i % 3 === 0 ? ["all", "guides"] : ["all"]);
      // Again: every edge is already there.
      for (const page of pages) g.addTemplate(page, [], ["all"]);
      g.uses("__collection:guides", pages[3]!);
    });
    expect(edges(indexed)).toEqual(edges(plain));
    expect(indexed.overallOrder()).toEqual(plain.overallOrder());
    // Long enough that the indexed path ran: `collections.all` has an edge to every page, once.
    const all = indexed.outgoingEdges.get("__collection:all")!;
    expect(all.length).toBeGreaterThan(pages.length);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(pages));
  });

  it("adds an edge again after it was removed, with its node or on its own", () => {
    const pages = Array.from({ length: 60 }, (_, i) => `./p${i}.md`);
    const [plain, indexed] = both((g) => {
      for (const page of pages) g.addTemplate(page, [], ["all"]);
      g.removeDependency("__collection:all", pages[10]!);
      g.addTemplate(pages[10]!, [], ["all"]);
      g.removeNode(pages[20]!);
      g.addTemplate(pages[20]!, [], ["all"]);
    });
    expect(edges(indexed)).toEqual(edges(plain));
    expect(indexed.outgoingEdges.get("__collection:all")).toContain(pages[10]);
    expect(indexed.outgoingEdges.get("__collection:all")).toContain(pages[20]);
  });
});

describe("a build with linear lookups", () => {
  const files = {
    "a.md": "---\ntags: [guides]\ntitle: A\n---\nAlpha text.\n",
    "b.md": "---\ntags: [guides, api]\ntitle: B\n---\nBravo text.\n",
    "c.md": "---\ntags: [api]\ntitle: C\n---\nCharlie text.\n",
    "list.njk": "---\npermalink: /list/\n---\n<ul>{% for p in collections.guides %}<li data-url=\"{{ p.url }}\">{{ p.templateContent | safe }}</li>{% endfor %}</ul>",
    "pages.njk": "---\npagination:\n  data: collections.all\n  size: 2\npermalink: /pages/{{ pagination.pageNumber }}/\n---\n{% for p in pagination.items %}<p>{{ p.url }}</p>{% endfor %}",
  };

  async function buildSite(scaled: boolean) {
    const { eleventy, out } = await stockEleventy(files, "eleventy-scaling-");
    const installed = scaled ? scaleLookups(eleventy) : false;
    await eleventy.write();
    const templateMap = (eleventy as unknown as { writer: { templateMap: TemplateMapInternals } }).writer.templateMap;
    return { out, installed, templateMap };
  }

  it("writes the same site as Eleventy's own lookups, with every page's content in its collections", async () => {
    const [own, scaled] = [await buildSite(false), await buildSite(true)];
    expect(scaled.installed).toBe(true);
    // The build's own objects carry the stand-ins; Eleventy's classes are untouched.
    expect(Object.hasOwn(scaled.templateMap, "getMapEntryForInputPath")).toBe(true);
    expect(Object.hasOwn(scaled.templateMap.config!.uses!.map as object, "addDependency")).toBe(true);
    expect(Object.hasOwn(own.templateMap, "getMapEntryForInputPath")).toBe(false);

    expect(await manifest(scaled.out)).toEqual(await manifest(own.out));
    const list = parseDocument(fs.readFileSync(path.join(scaled.out, "list/index.html"), "utf8"));
    const items = [...list.querySelectorAll("li")].map((li) => [li.getAttribute("data-url"), li.querySelector("p")?.textContent]);
    expect(items).toEqual([
      ["/a/", "Alpha text."],
      ["/b/", "Bravo text."],
    ]);
    // The paginated page, which runs after `collections.all`, lists every other page once.
    const listed = ["0", "1"].flatMap((n) => [...parseDocument(fs.readFileSync(path.join(scaled.out, `pages/${n}/index.html`), "utf8")).querySelectorAll("p")].map((p) => p.textContent));
    expect(listed.sort()).toEqual(["/a/", "/b/", "/c/", "/list/"]);
  });
});
