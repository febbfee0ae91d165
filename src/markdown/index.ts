// Builds the markdown-it instance for writers' pages: kramdown-compatible (GFM input, no_auto_typographic).
import MarkdownIt, { type Token } from "markdown-it";
import type { MarkdownReport } from "../diagnostics/source-lines.ts";
import { blockAttributes } from "./block-attributes.ts";
import { fencedCode } from "./fenced-code.ts";
import { headingIds } from "./heading-ids.ts";
import { kramdownCompat } from "./kramdown.ts";
import { paramBadges } from "./param-badges.ts";
import { paramlist } from "./paramlist.ts";
import { pathPrefix } from "./path-prefix.ts";
import { kramdownSmartQuotes } from "./smart-quotes.ts";
import { quoteEntities } from "./quote-entities.ts";
import { oneByte } from "../build/one-byte.ts";
import { spanAttributes } from "./span-attributes.ts";

export interface MarkdownOptions {
  /** Where rules report writers' mistakes. Default: ignore them (for tests and previews). */
  report?: MarkdownReport;
  /** The site's URL path prefix (`/docs/`): root-relative links and images get it. Default: `/`. */
  pathPrefix?: string;
  /**
   * Told of every page rendered, with its tokens (the layouts read the TOC from them) and `env`
   * (Eleventy's page data; the search stage makes each page's search document from it).
   */
  onRender?: (html: string, tokens: Token[], env: unknown) => void;
}

export const ignoreReports: MarkdownReport = () => {};

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  return configureMarkdown(new MarkdownIt(), options);
}

/**
 * Make `md`, a markdown-it instance with the default preset (as `new MarkdownIt()` or Eleventy's
 * own), into the writers' Markdown: our options, rules and render. Returns `md`.
 */
export function configureMarkdown(md: MarkdownIt, options: MarkdownOptions = {}): MarkdownIt {
  const report = options.report ?? ignoreReports;
  // typographer for smart quotes only: kramdown's no_auto_typographic keeps `--`, `---`, `...`
  // (and `(c)`, `+-`) as typed, which is exactly markdown-it's `replacements` rule.
  md.set({ html: true, linkify: false, typographer: true });
  md.disable("replacements");
  // After markdown-it's smartquotes: the quotes kramdown decides differently ('90s, ,"x").
  md.use(kramdownSmartQuotes);
  // ‘ ’ “ ” as entities, so a page of Latin-1 text is stored one byte a character.
  md.use(quoteEntities);

  md.use(blockAttributes, { report });
  md.use(spanAttributes, { report });
  md.use(headingIds, { report });
  md.use(paramlist, { report });
  md.use(paramBadges);
  md.use(fencedCode);
  // Last, so its rules see block attributes applied and heading ids assigned.
  md.use(kramdownCompat, { report });
  md.use(pathPrefix, { pathPrefix: options.pathPrefix });
  const { onRender } = options;
  if (onRender) {
    // What `md.render` does, keeping the tokens for the listener. The HTML is held by Eleventy, and
    // by the listener, until the build ends: it is stored one byte a character where it can be.
    md.render = (src, env) => {
      const tokens = md.parse(src, env ?? {});
      const html = oneByte(md.renderer.render(tokens, md.options, env ?? {}));
      onRender(html, tokens, env);
      return html;
    };
  }
  return md;
}
