// The floor: stock Eleventy 3 over the benchmark corpus, with a minimal layout and no plugins.
// bench/run.ts runs it with `npx @11ty/eleventy --input CORPUS --output OUT --config bench/floor/eleventy.config.js`
// and then Pagefind's CLI over OUT. The corpus's `{% include %}`s resolve from its own `_includes/`.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default function (eleventyConfig) {
  eleventyConfig.setQuietMode(true);
  eleventyConfig.setUseGitIgnore(false);
  // The one layout (pages say `layout: article`), from this folder, never from the corpus.
  eleventyConfig.addGlobalData("layout", "article");
  eleventyConfig.setLayoutsDirectory(path.relative(process.env.FLOOR_INPUT ?? ".", path.join(here, "layouts")));
  // Jekyll's include form `{% include file.md key="v" %}` (unquoted name, `include.key`), as our build reads it.
  eleventyConfig.setLiquidOptions({ jekyllInclude: true, dynamicPartials: false });
  eleventyConfig.ignores.add("**/_data/**");
  eleventyConfig.addLayoutAlias("article", "article.njk");
  eleventyConfig.setTemplateFormats(["md"]);
}
