// One production build in a fresh process, through the same `build()` as `tsx src/cli.ts build`,
// with options the command line does not offer (the Jekyll layer's cost: `compat: false`).
// Usage: tsx bench/build-child.ts INPUT OUTPUT [--no-compat]
import { build } from "../src/build/build.ts";

const [input, output, flag] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: build-child.ts INPUT OUTPUT [--no-compat]");
const outcome = await build({ input, output, compat: flag !== "--no-compat" });
if (!outcome.ok) {
  process.stderr.write(`${JSON.stringify(outcome.ctx.diagnostics.sorted().slice(0, 5), null, 2)}\n`);
  process.exitCode = 1;
}
