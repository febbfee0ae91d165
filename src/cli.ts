// Command line: `build` (production, atomic) and `serve` (writers' preview with live reload).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { DEFAULT_OPTIONS, type BuildOptions } from "./build/context.ts";
import { countPageSources, heapLimitGiven, heapLimitMb, outOfHeap } from "./build/heap.ts";
import { formatGithub, formatJson, formatPretty, REPORTERS, type ReporterName } from "./diagnostics/format.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";

const USAGE = `Usage: tsx src/cli.ts <build|serve> [options]

  --input DIR         content folder (default: content)
  --output DIR        output folder (default: _site)
  --strict            warnings fail the build (always on in CI)
  --reporter NAME     pretty | json | github (default: pretty; github under GitHub Actions)
  --path-prefix PATH  URL prefix when hosting under a subpath, e.g. /docs/
  --no-cache          build even when nothing changed since the last good build
  --port N            dev server port (serve only; default 8080)
  --host ADDR         dev server address (serve only; default 127.0.0.1)`;

export function report(diagnostics: Diagnostic[], reporter: ReporterName, ok: boolean): void {
  if (reporter === "json") {
    process.stdout.write(`${formatJson(diagnostics, ok)}\n`);
    return;
  }
  if (reporter === "github" && diagnostics.length) process.stdout.write(`${formatGithub(diagnostics)}\n`);
  if (diagnostics.length) process.stderr.write(`${formatPretty(diagnostics, { color: process.stderr.isTTY })}\n\n`);
}

function usageError(message: string): never {
  process.stderr.write(`error: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        input: { type: "string" },
        output: { type: "string" },
        strict: { type: "boolean", default: false },
        "no-cache": { type: "boolean", default: false },
        reporter: { type: "string" },
        "path-prefix": { type: "string" },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = positionals[0] ?? "build";
  if (!["build", "serve"].includes(command) || positionals.length > 1) usageError(`unknown command: ${positionals.join(" ")}`);
  const reporter = (values.reporter ?? (process.env.GITHUB_ACTIONS === "true" ? "github" : "pretty")) as ReporterName;
  if (!REPORTERS.includes(reporter)) usageError(`--reporter must be one of ${REPORTERS.join(", ")}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usageError("--port must be a number from 0 to 65535");

  const options: Partial<BuildOptions> = {
    ...(values.input !== undefined && { input: values.input }),
    ...(values.output !== undefined && { output: values.output }),
    ...(values["path-prefix"] !== undefined && { pathPrefix: values["path-prefix"] }),
    strict: values.strict || process.env.CI === "true",
    cache: !values["no-cache"],
    mode: command === "serve" ? "serve" : "build",
  };

  // A production build runs in a child with a heap limit sized to the site (src/build/heap.ts). This
  // process only decides that, so it loads none of the build.
  if (command === "build" && process.env.TRACEDOCS_HEAP_SET !== "1" && !heapLimitGiven(process.execArgv, process.env)) {
    return buildWithHeapLimit(options.input ?? DEFAULT_OPTIONS.input);
  }

  const { build, ConfigError } = await import("./build/build.ts");
  try {
    if (command === "serve") {
      const { serve } = await import("./serve/dev-server.ts");
      await serve(options, { port, host: values.host, report: (d, ok) => report(d, reporter, ok) });
      return 0;
    }
    const outcome = await build(options);
    const diagnostics = outcome.ctx.diagnostics.sorted();
    report(diagnostics, reporter, outcome.ok);
    const { errors, warnings } = outcome.ctx.diagnostics;
    if (reporter !== "json") {
      process.stderr.write(
        outcome.ok
          ? outcome.upToDate
            ? `Up to date: nothing changed since the last build of ${outcome.ctx.options.output} (${outcome.pages} pages)${warnings.length ? `, which had ${warnings.length} warning(s)` : ""}; checked in ${(outcome.ms / 1000).toFixed(2)} s. --no-cache builds anyway.\n`
            : `Built ${outcome.pages} pages into ${outcome.ctx.options.output} in ${(outcome.ms / 1000).toFixed(2)} s${warnings.length ? ` with ${warnings.length} warning(s)` : ""}${outcome.rendered === undefined ? "" : `; only the edited page${outcome.rendered === 1 ? " was" : `s (${outcome.rendered}) were`} rendered, the rest kept from the last build`}.\n`
          : `Build failed: ${errors.length} error(s), ${warnings.length} warning(s)${outcome.ctx.options.strict && !errors.length ? " (--strict: warnings fail the build)" : ""}. The previous output was left as it was.\n`,
      );
    }
    return outcome.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function buildWithHeapLimit(input: string): number {
  // TRACEDOCS_HEAP_MB sets the limit by hand (a small CI runner, or a site of unusually heavy pages).
  const given = Number(process.env.TRACEDOCS_HEAP_MB);
  const mb = Number.isInteger(given) && given > 0 ? given : heapLimitMb(countPageSources(input));
  const env = { ...process.env, TRACEDOCS_HEAP_SET: "1" };
  const again = (flags: string[]) => spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], { stdio: "inherit", env });
  let child = again([`--max-old-space-size=${mb}`]);
  if (outOfHeap(child.status, child.signal)) {
    // Pages far heavier than the estimate: the output is untouched (staging), so build again unbounded.
    process.stderr.write(`The build needed more than its ${mb} MB heap; building again with Node's default limit.\n`);
    child = again([]);
  }
  if (child.error) throw child.error;
  return child.status ?? 1;
}

process.exitCode = await main(process.argv.slice(2));
