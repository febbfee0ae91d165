// Front matter stage: YAML through gray-matter + js-yaml's safe schema, validated against one schema.
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";

export interface FrontMatterOptions {
  ctx: BuildContext;
}

// SCAFFOLD
export function frontMatterPlugin(_eleventyConfig: UserConfig, _options: FrontMatterOptions): void {}
