// Liquid stage: Jekyll-flavoured Liquid (includes with parameters, `include.*`, Jekyll filters).
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";
import { includesFileSystem } from "./include-fs.ts";

export interface LiquidOptions {
  ctx: BuildContext;
}

export function liquidPlugin(eleventyConfig: UserConfig, { ctx }: LiquidOptions): void {
  eleventyConfig.setLiquidOptions({
    // Jekyll's include: unquoted paths and `key="value"` parameters, seen as `include.key`.
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: true,
    root: [`${ctx.dirs.input}/_includes`],
    fs: includesFileSystem(),
  });
}
