// Liquid stage: Jekyll-flavoured Liquid (includes with parameters, `include.*`, Jekyll filters, `page.*`,
// lax outputs and undefined variables as warnings at file:line).
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { Liquid } from "liquidjs";
import type { BuildContext } from "../build/context.ts";
import { displayPath } from "../diagnostics/source-lines.ts";
import { jekyllFilters } from "./filters.ts";
import { includesFileSystem } from "./include-fs.ts";
import { rewriteLax, type LaxFinding } from "./lax.ts";
import { liquidScope, type Scope } from "./scope.ts";
import { reportUndefinedVariables } from "./undefined.ts";
import { liquidSyntaxCheck } from "./syntax-check.ts";

export interface LiquidOptions {
  ctx: BuildContext;
}

export function liquidPlugin(eleventyConfig: UserConfig, { ctx }: LiquidOptions): void {
  const { diagnostics, sources } = ctx;
  const compat = ctx.options.compat !== false;
  const reportLax = (file: string, findings: LaxFinding[], lineOf: (line0: number) => number) => {
    for (const f of findings) {
      diagnostics.warn({
        code: "LIQUID_LAX",
        message: `\`${f.original.replace(/\s+/g, " ")}\` is not valid Liquid; Jekyll reads it leniently as \`${f.readAs}\``,
        file: displayPath(file),
        line: lineOf(f.line),
        hint: "to show it as text, wrap it in {% raw %}…{% endraw %}; otherwise write a plain variable name",
      });
    }
  };

  eleventyConfig.setLiquidOptions({
    // Jekyll's include: unquoted paths and `key="value"` parameters, seen as `include.key`.
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: true,
    // Undefined variables are caught node by node (undefined.ts); conditions and `default` stay legal.
    strictVariables: compat,
    lenientIf: compat,
    root: [`${ctx.dirs.input}/_includes`],
    // Parse each include once per build, not once per use: includes are read and parsed for every
    // page that uses them otherwise (a third of Liquid's time). A build makes a new Liquid, so an
    // edited include is read afresh by the next build. (Lax warnings are deduplicated anyway.)
    cache: true,
    fs: includesFileSystem({
      transform: (file, text) => {
        if (!compat) return text;
        const lax = rewriteLax(text);
        reportLax(file, lax.findings, (line0) => line0 + 1);
        return lax.text;
      },
    }),
  });

  if (compat) eleventyConfig.addPreprocessor("liquid-lax", "md,html", function (this: { inputPath: string }, _data: unknown, content: string) {
    const lax = rewriteLax(content);
    if (lax.findings.length === 0) return undefined;
    reportLax(this.inputPath, lax.findings, (line0) => sources.fileLine(this.inputPath, line0));
    return lax.text;
  });

  const baseurl = () => ctx.jekyll?.baseurl ?? (ctx.options.pathPrefix ?? "/").replace(/\/$/, "");
  const siteUrl = () => (ctx.jekyll ? ctx.jekyll.config.url : "");
  for (const [name, filter] of Object.entries(jekyllFilters({ baseurl, url: siteUrl }))) eleventyConfig.addLiquidFilter(name, filter);
  // After the lax rewrite above: it runs on what Eleventy will render.
  const warm = ctx.warm;
  liquidSyntaxCheck(eleventyConfig, { diagnostics, sources, skip: warm && ((inputPath) => !warm.changed.has(path.resolve(inputPath))) });

  if (!compat) return;
  const scope = liquidScope(ctx);
  eleventyConfig.amendLibrary("liquid", (lib: Liquid) => {
    const render = lib.render.bind(lib);
    lib.render = (tpl, data, options) => render(tpl, scope((data ?? {}) as Scope), options);
    reportUndefinedVariables(lib, (r) => {
      const file = r.file ? displayPath(r.file) : undefined;
      diagnostics.warn({
        code: "LIQUID_UNDEFINED",
        message: `\`${r.variable}\` is not defined; it renders as nothing`,
        file,
        line: file ? sources.fileLine(file, r.line - 1) : undefined,
        column: r.column,
        hint: "check the spelling; set it in front matter, _config.yml or _data/; or test it first with {% if … %} or give `| default: …`",
      });
    });
  });
}
