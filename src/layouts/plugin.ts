// Layouts stage: page chrome (header, plan box, badges, contributors, tags) and generated index pages.
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";

export interface LayoutsOptions {
  ctx: BuildContext;
}

// SCAFFOLD: replaced by the layouts stage (src/layouts/, _includes/).
export function layoutsPlugin(_eleventyConfig: UserConfig, _options: LayoutsOptions): void {}
