import { EarlyDocuments } from "./src/search/early-documents.ts";
const orig = EarlyDocuments.prototype.open;
EarlyDocuments.prototype.open = function (sink) {
  let n = 0; const t0 = performance.now();
  orig.call(this, (d) => { n++; if (n === 1 || n % 1000 === 0) console.error("sink", n, Math.round(performance.now() - t0)); sink(d); });
};
const { build } = await import("./src/build/build.ts");
const t = performance.now();
const r = await build({ input: "/tmp/tracedocs-bench/corpus-4000-s42-e9c28ae554", output: "/tmp/ab-out2", cache: false });
console.error("fixed", r.ctx?.renderOrderFixed, Math.round(performance.now() - t));
