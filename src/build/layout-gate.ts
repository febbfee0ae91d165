// Pages go through their layouts and transforms a few at a time, not all at once.
//
// Why: Eleventy 3.1 starts every page's layouts at once (`Promise.all` over the template map), and
// each page's chain only ever waits on promises that are already settled. So each step runs for
// every page before the next step runs for any: every page's layout output, two-byte as V8 builds
// it, exists at the same moment, and then every page's transformed copy. At 20,000 pages that was
// the build's peak, about 3.4 GB (BENCHMARKS.md, session 16). Eleventy has no setting for this, so
// each template of the map gets a gate in front of `renderPageEntry` (set as the map is filled, see
// template-map.ts; pagination clones Eleventy makes later pass ungated). A page leaves the gate with
// its final HTML; the next one enters on the next turn of the event loop, so page writes and
// Pagefind's replies are handled meanwhile.
import type Eleventy from "@11ty/eleventy";
import { onTemplateMap } from "./template-map.ts";

/** At most `size` tasks run at once; the rest wait in order. */
export class Gate {
  readonly #size: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    if (!(size >= 1)) throw new RangeError(`a gate needs room for at least one task, not ${size}`);
    this.#size = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#size) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next task, after a turn of the event loop.
      if (next) setImmediate(next);
      else this.#running--;
    }
  }
}

interface GatedTemplate {
  renderPageEntry?: (pageEntry: unknown) => Promise<unknown>;
}

/**
 * Gate this instance's pages through their layouts, `size` at a time. Call after `init()` and
 * before `write()`. Returns false where Eleventy's internals are not as expected (pages then render
 * as Eleventy renders them).
 */
export function gateLayouts(eleventy: Eleventy, size = 4): boolean {
  const gate = new Gate(size);
  return onTemplateMap(eleventy, (map) => {
    for (const entry of map) {
      const template = entry.template as GatedTemplate | undefined;
      const render = template?.renderPageEntry;
      if (!template || typeof render !== "function") continue;
      Object.defineProperty(template, "renderPageEntry", {
        value: (pageEntry: unknown) => gate.run(() => render.call(template, pageEntry)),
        configurable: true,
        writable: true,
      });
    }
  });
}
