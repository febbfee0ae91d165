// The same input renders in the same order: Eleventy's template map, sorted by input path.
//
// Why: Eleventy renders pages one at a time (its concurrency is 1), in the order of its dependency
// graph, which it builds from its template map in the map's order. It fills the map as each page's
// data finishes loading, that is as file reads finish, so that order changes from run to run. Sorted
// before the graph is built, the order is a function of the input. The search stage relies on it to
// hand each page to Pagefind as soon as it renders (src/search/early-documents.ts): Pagefind numbers
// pages in the order it receives them, and the index must be the same for the same input.
//
// Where the map cannot be reached (template-map.ts), `fixRenderOrder` returns false and the search
// stage hands pages over in URL order instead, which costs time, not correctness.
import type Eleventy from "@11ty/eleventy";
import { onTemplateMap } from "./template-map.ts";

/**
 * Make this instance render in input-path order. Call after `init()` (which creates the writer) and
 * before `write()`. Returns whether the order is now fixed.
 */
export function fixRenderOrder(eleventy: Eleventy): boolean {
  return onTemplateMap(eleventy, (map) => map.sort((a, b) => (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0)));
}
