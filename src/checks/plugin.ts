// Checks stage: post-build checks over the rendered HTML (links, anchors, leftovers).
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../build/context.ts";

export interface ChecksOptions {
  ctx: BuildContext;
}

// SCAFFOLD: replaced by the checks stage (src/checks/).
export function checksPlugin(_eleventyConfig: UserConfig, _options: ChecksOptions): void {}
