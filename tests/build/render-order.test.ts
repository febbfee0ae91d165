// Eleventy renders pages in its template map's order, which follows file reads finishing; the build
// sorts the map (src/build/render-order.ts) so the same input renders in the same order. Here the map
// is filled out of order on purpose, as a slow disk would fill it.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { fixRenderOrder } from "../../src/build/render-order.ts";
import { buildFixture, makeTempDir, writeFiles } from "../helpers/site.ts";

const NAMES = ["b.md", "a.md", "d/one.md", "c.md", "d/two.md", "e.md", "f.md"];

type Writer = { templateMap: { map: { inputPath: string }[] }; _addToTemplateMapFullBuild: (...args: unknown[]) => Promise<unknown> };

/** Build a small site and return the input paths in the order their Markdown rendered. */
async function renderOrder(options: { scramble: boolean; fix: boolean }): Promise<{ order: string[]; fixed: boolean }> {
  const root = makeTempDir("render-order-");
  const input = path.join(root, "content");
  writeFiles(input, Object.fromEntries(NAMES.map((name) => [name, `# ${name}\n`])));
  const order: string[] = [];
  const md = markdownIt();
  const render = md.render.bind(md);
  md.render = (src: string, env?: { page?: { inputPath?: string } }) => {
    order.push(path.relative(input, path.resolve(env?.page?.inputPath ?? "")));
    return render(src, env);
  };
  const eleventy = new Eleventy(input, path.join(root, "_site"), {
    quietMode: true,
    configPath: "",
    config: (config: { setLibrary(ext: string, lib: unknown): void }) => config.setLibrary("md", md),
  } as never);
  eleventy.disableLogger();
  await eleventy.init();
  if (options.scramble) {
    // The map filled in an order that has nothing to do with the file names.
    const writer = (eleventy as unknown as { writer: Writer }).writer;
    const fill = writer._addToTemplateMapFullBuild;
    writer._addToTemplateMapFullBuild = async function (this: Writer, ...args: unknown[]) {
      const result = await fill.apply(this, args);
      const map = this.templateMap.map;
      map.push(...map.splice(0, 3).reverse());
      return result;
    };
  }
  const fixed = options.fix ? fixRenderOrder(eleventy) : false;
  await eleventy.write();
  return { order, fixed };
}

const sorted = [...NAMES].sort();

describe("the render order", () => {
  it("follows the template map's order: filled out of order, it renders out of order", async () => {
    const { order } = await renderOrder({ scramble: true, fix: false });
    expect([...order].sort()).toEqual(sorted);
    expect(order).not.toEqual(sorted);
  });

  it("is the input paths' order once fixed, however the map was filled", async () => {
    const scrambled = await renderOrder({ scramble: true, fix: true });
    expect(scrambled.fixed).toBe(true);
    expect(scrambled.order).toEqual(sorted);
    expect((await renderOrder({ scramble: false, fix: true })).order).toEqual(sorted);
  });

  it("is fixed in the build (the search stage then hands each page over as it renders)", async () => {
    const site = await buildFixture(Object.fromEntries(NAMES.map((name) => [name, `---\ntitle: ${name}\n---\nText.\n`])));
    expect(site.outcome.ok).toBe(true);
    expect(site.outcome.ctx.renderOrderFixed).toBe(true);
  });

  it("says so when this Eleventy has no method to wrap, and changes nothing", () => {
    expect(fixRenderOrder({ writer: {} } as never)).toBe(false);
    expect(fixRenderOrder({} as never)).toBe(false);
  });
});
