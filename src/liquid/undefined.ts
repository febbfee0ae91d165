// Undefined variables: rendered empty as in Jekyll, and reported as LIQUID_UNDEFINED warnings at file:line.
//
// Why this mechanism: liquidjs's `strictVariables` throws an UndefinedVariableError that carries the
// variable's own token (file, line, column); `lenientIf` keeps `{% if page.optional %}`, `unless`,
// `case`, `assign` and `| default:` legal. A throw would stop the whole page, so every template node
// is wrapped once, the first time the renderer meets it, to catch that one error, report it, and
// render nothing for that node, which is what Ruby Liquid prints for an undefined value. The
// alternatives were worse: static analysis (`liquid.analyze`) cannot tell a value that is missing at
// render time from one that is there, and a non-strict render never says a lookup failed.
import type { Context, Emitter, Liquid, Template } from "liquidjs";
import { UndefinedVariableError } from "liquidjs";

export interface UndefinedReport {
  /** `page.foo`: the path up to the first missing part. */
  variable: string;
  /** File the token came from (the page as Eleventy named it, or an include's absolute path). */
  file?: string;
  /** 1-based line and column inside the text liquidjs parsed (a page's body, or an include file). */
  line: number;
  column: number;
}

type RenderFn = (ctx: Context, emitter: Emitter) => unknown;

export function reportUndefinedVariables(lib: Liquid, report: (r: UndefinedReport) => void): void {
  const renderer = lib.renderer;
  const renderTemplates = renderer.renderTemplates.bind(renderer);
  const wrapped = new WeakSet<Template>();

  const wrap = (tpl: Template) => {
    const render = tpl.render as RenderFn;
    (tpl as { render: RenderFn }).render = function* (ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown> {
      try {
        return yield render.call(tpl, ctx, emitter);
      } catch (error) {
        if (!(error instanceof UndefinedVariableError)) throw error;
        const original = (error as { originalError?: { variableName?: string } }).originalError;
        const [line = 1, column = 1] = error.token.getPosition();
        // The variable's own token has the position; the node's token knows the file.
        report({ variable: original?.variableName ?? "?", file: error.token.file ?? tpl.token.file, line, column });
        return "";
      }
    };
    wrapped.add(tpl);
  };

  renderer.renderTemplates = function (templates: Template[], ctx: Context, emitter?: Emitter) {
    for (const tpl of templates) if (!wrapped.has(tpl)) wrap(tpl);
    return renderTemplates(templates, ctx, emitter);
  };
}
