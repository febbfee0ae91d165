// The data a Liquid template sees: Jekyll's `page.*` (front matter + url, path, name) over Eleventy's page.
//
// Eleventy gives templates its own `page` (url, inputPath, fileSlug…) and puts front matter at the top
// level; Jekyll writers read `page.title`, `page.url`, `page.my_key`. Only Liquid gets this view, so
// the Nunjucks layouts keep Eleventy's `page`.
import path from "node:path";
import type { BuildContext } from "../build/context.ts";

export type Scope = Record<string, unknown>;

export function liquidScope(ctx: BuildContext): (data: Scope) => Scope {
  let byFile: Map<string, Scope> | undefined;
  const pagesByFile = (): Map<string, Scope> => {
    if (byFile) return byFile;
    const scan = ctx.scan;
    if (ctx.jekyll && scan) byFile = ctx.jekyll.site(scan, ctx.diagnostics).pages;
    else byFile = new Map((scan?.pages ?? []).map((p) => [p.file, { ...p.raw, path: p.rel, name: p.rel.split("/").pop() }]));
    return byFile;
  };
  return (data) => {
    const eleventyPage = data.page as { inputPath?: string; url?: unknown } | undefined;
    if (!eleventyPage?.inputPath) return data;
    const own = pagesByFile().get(path.resolve(eleventyPage.inputPath));
    if (!own) return data;
    // Jekyll's url (extensionless `/a/b` stays so) wins over Eleventy's (`/a/b.html`).
    return { ...data, page: { ...eleventyPage, ...own, url: ctx.jekyll ? own.url : eleventyPage.url } };
  };
}
