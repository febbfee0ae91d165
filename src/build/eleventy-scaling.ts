// Two lookups in Eleventy 3.1 whose cost grows with the square of the number of pages, made linear.
//
// Why ours: profiled at 20,000 pages, these two took about 13 s that a build 5× smaller spends 0.6 s
// on (BENCHMARKS.md, session 15), and they are most of why a 20,000-page build took more than 5.5×
// a 4,000-page one. Stock Eleventy (the benchmark's floor) pays them too.
//
// 1. `TemplateMap#getMapEntryForInputPath` finds a page's map entry by scanning the whole map, and
//    Eleventy calls it once per page in several places (`initDependencyMap`, `getTemplateOrder`,
//    `cache`) and once per page per collection in `populateCollectionsWithContent`. Eleventy 4 keeps
//    a Map for it (11ty/eleventy#3938); 3.1, which we are on, does not. Here each build's
//    TemplateMap gets the same lookup through a Map, built when the map changes length.
// 2. dependency-graph's `addDependency` checks an edge is new with `indexOf` over the node's edges.
//    Eleventy adds an edge from `collections.all` (and from its `[basic]` stage) to every page, so
//    those two lists grow to the number of pages and each page's edge scans them. Here the build's
//    graph checks long edge lists through a Set kept beside each list.
//
// Both are set on one build's objects (never on a prototype), behind `onTemplateMap` (template-map.ts),
// and each answers exactly as Eleventy's own method would (tests/build/eleventy-scaling.test.ts
// compares them). Where Eleventy's internals are not as expected, nothing is changed: Eleventy's own
// lookups cost time, not correctness.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type Eleventy from "@11ty/eleventy";
import { onTemplateMap, type MapEntry, type TemplateMapInternals } from "./template-map.ts";

/** The path helper Eleventy's own lookup uses (Eleventy's dependency, so resolved from Eleventy). */
const { TemplatePath } = createRequire(fileURLToPath(import.meta.resolve("@11ty/eleventy")))("@11ty/eleventy-utils") as {
  TemplatePath: { absolutePath(...paths: string[]): string };
};

/**
 * Give each template map this instance fills (one per full build) linear lookups. Call after
 * `init()` and before `write()`. Returns whether the hook is in place.
 */
export function scaleLookups(eleventy: Eleventy): boolean {
  return onTemplateMap(eleventy, (_map, templateMap) => {
    indexMapLookups(templateMap);
    const graph = templateMap.config?.uses?.map;
    if (graph !== undefined) indexEdgeChecks(graph);
  });
}

/**
 * Replace `templateMap`'s `getMapEntryForInputPath` with one that looks the path up in a Map. Eleventy
 * returns the first entry whose input path is the path or the path made absolute (the pages we
 * generate have absolute paths). When two entries could answer (the same path twice, or one entry
 * for each form), the lookup is Eleventy's own scan, so the answer never differs.
 */
export function indexMapLookups(templateMap: TemplateMapInternals): void {
  const scan = templateMap.getMapEntryForInputPath;
  if (typeof scan !== "function") return;
  let indexed: MapEntry[] | undefined;
  let length = -1;
  let byPath = new Map<string, MapEntry>();
  let repeated = new Set<string>();
  templateMap.getMapEntryForInputPath = function (this: TemplateMapInternals, inputPath: string) {
    const map = templateMap.map;
    if (!Array.isArray(map)) return scan.call(this, inputPath);
    // TemplateMap only ever pushes entries; the build's render order sorts them in place, which
    // changes which entry comes first only for a repeated path.
    if (map !== indexed || map.length !== length) {
      indexed = map;
      length = map.length;
      byPath = new Map();
      repeated = new Set();
      for (const entry of map) {
        if (byPath.has(entry.inputPath)) repeated.add(entry.inputPath);
        else byPath.set(entry.inputPath, entry);
      }
    }
    const absolute = TemplatePath.absolutePath(inputPath);
    if (repeated.has(inputPath) || repeated.has(absolute)) return scan.call(this, inputPath);
    const given = byPath.get(inputPath);
    const made = byPath.get(absolute);
    if (given === undefined) return made;
    if (made === undefined || made === given) return given;
    return scan.call(this, inputPath);
  };
}

/** The part of dependency-graph's DepGraph (and Eleventy's TemplateDepGraph) this reaches. */
interface EdgeGraph {
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  hasNode(node: string): boolean;
  addNode(node: string): void;
  addDependency(from: string, to: string): unknown;
  removeNode(node: string): void;
  removeDependency(from: string, to: string): void;
  addTemplate?: unknown;
}

/** Edge lists shorter than this are checked with `indexOf`, as dependency-graph does: a Set costs more than it saves. */
const SCAN_UP_TO = 32;
const INDEXED = Symbol("edge checks indexed");

/**
 * Make `graph`'s `addDependency` check long edge lists through a Set. The graph is Eleventy's
 * TemplateDepGraph, whose `addDependency` adds missing nodes and then the edge once; this does the
 * same. Removing a node or an edge splices the lists, so it forgets the Sets, which are rebuilt from
 * the lists when next needed.
 */
export function indexEdgeChecks(graph: unknown): void {
  if (!isTemplateDepGraph(graph) || (graph as { [INDEXED]?: true })[INDEXED]) return;
  (graph as { [INDEXED]?: true })[INDEXED] = true;
  let sets = new WeakMap<string[], Set<string>>();
  const has = (list: string[], node: string): boolean => {
    if (list.length < SCAN_UP_TO) return list.indexOf(node) !== -1;
    let set = sets.get(list);
    if (!set) sets.set(list, (set = new Set(list)));
    return set.has(node);
  };
  const add = (list: string[], node: string): void => {
    if (has(list, node)) return;
    list.push(node);
    sets.get(list)?.add(node);
  };
  graph.addDependency = function (this: EdgeGraph, from: string, to: string) {
    if (!this.hasNode(from)) this.addNode(from);
    if (!this.hasNode(to)) this.addNode(to);
    add(this.outgoingEdges.get(from)!, to);
    add(this.incomingEdges.get(to)!, from);
    return true;
  };
  const removeNode = graph.removeNode;
  graph.removeNode = function (this: EdgeGraph, node: string) {
    sets = new WeakMap();
    removeNode.call(this, node);
  };
  const removeDependency = graph.removeDependency;
  graph.removeDependency = function (this: EdgeGraph, from: string, to: string) {
    sets = new WeakMap();
    removeDependency.call(this, from, to);
  };
}

/** Eleventy 3.1's TemplateDepGraph: a DepGraph with `addTemplate`, whose `addDependency` adds missing nodes. */
function isTemplateDepGraph(graph: unknown): graph is EdgeGraph {
  const g = graph as Partial<EdgeGraph> | null;
  return (
    typeof g === "object" &&
    g !== null &&
    g.outgoingEdges instanceof Map &&
    g.incomingEdges instanceof Map &&
    typeof g.addTemplate === "function" &&
    typeof g.hasNode === "function" &&
    typeof g.addNode === "function" &&
    typeof g.addDependency === "function" &&
    typeof g.removeNode === "function" &&
    typeof g.removeDependency === "function"
  );
}
