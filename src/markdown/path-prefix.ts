// Root-relative links and images in Markdown (`[x](/a/b/)`) get the site's path prefix.
//
// Writers link pages by their permalinks; a site hosted under a subpath (`/docs/`) needs every
// such link to carry the prefix. A link that already has it (Jekyll's `{{ site.baseurl }}/a/`)
// is left alone, so pages written either way work.
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

export interface PathPrefixOptions {
  /** `/` (nothing to do) or `/docs/`. */
  pathPrefix?: string;
}

export function withPrefix(url: string, prefix: string): string {
  if (prefix === "/" || !url.startsWith("/") || url.startsWith("//")) return url;
  const bare = prefix.replace(/\/$/, "");
  return url === bare || url.startsWith(prefix) ? url : `${bare}${url}`;
}

export function pathPrefix(md: MarkdownIt, options: PathPrefixOptions = {}): void {
  const prefix = options.pathPrefix ?? "/";
  if (prefix === "/") return;
  const fix = (token: Token, attr: string) => {
    const value = token.attrGet(attr);
    if (value) token.attrSet(attr, withPrefix(value, prefix));
  };
  md.core.ruler.push("path_prefix", (state) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type === "link_open") fix(child, "href");
        else if (child.type === "image") fix(child, "src");
      }
    }
  });
}
