// Search stage: indexes every built page with Pagefind's Node API at the end of each build.
import type { UserConfig } from "@11ty/eleventy";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";

export interface SearchOptions {
  diagnostics: Diagnostics;
  mode: "build" | "serve";
}

// SCAFFOLD: replaced by the search stage (src/search/).
export function searchPlugin(_eleventyConfig: UserConfig, _options: SearchOptions): void {}
