// Every YAML and JSON sample in the guide parses, and Collector configs use only real, defined components.
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { codeBlocks, listIncludes, listPages, type CodeBlock } from "./guide.ts";

const sources = [
  ...listPages().map((p) => ({ file: p.file, body: p.body, offset: p.bodyLine - 1 })),
  ...listIncludes().map((i) => ({ file: i.file, body: i.body, offset: 0 })),
];
const samples = sources.flatMap((s) =>
  codeBlocks(s.body).map((b) => ({ ...b, where: `${s.file}:${b.line + s.offset}` })),
);
const byLang = (...langs: string[]) => samples.filter((s) => langs.includes(s.lang));

// Component types of otelcol-contrib that the guide may use (type is the part before any `/name`).
const COMPONENTS: Record<string, Set<string>> = {
  receivers: new Set(["otlp", "jaeger", "zipkin"]),
  processors: new Set(["batch", "memory_limiter", "resource", "attributes", "tail_sampling", "k8sattributes"]),
  exporters: new Set(["otlp", "otlphttp", "logzio", "debug", "loadbalancing"]),
  extensions: new Set(["health_check"]),
};
const KINDS = Object.keys(COMPONENTS);
const typeOf = (id: string) => id.split("/")[0]!;

/** Problems in one Collector config document (a mapping with any of receivers/processors/exporters/service). */
function collectorProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const kind of KINDS) {
    for (const id of Object.keys((doc[kind] as object | undefined) ?? {})) {
      if (!COMPONENTS[kind]!.has(typeOf(id))) problems.push(`${kind}: unknown component type "${id}"`);
    }
  }
  const service = doc.service as { pipelines?: Record<string, Record<string, string[]>>; extensions?: string[] } | undefined;
  // A snippet that only adds a pipeline to the config above it is checked for types only.
  const complete = KINDS.slice(0, 3).every((k) => k in doc) && service !== undefined;
  if (!complete) return problems;
  for (const [name, pipeline] of Object.entries(service.pipelines ?? {})) {
    for (const kind of ["receivers", "processors", "exporters"]) {
      for (const id of pipeline[kind] ?? []) {
        if (!(id in ((doc[kind] as object | undefined) ?? {}))) problems.push(`pipeline ${name} uses undefined ${kind} "${id}"`);
      }
    }
    if ((pipeline.receivers ?? []).length === 0 || (pipeline.exporters ?? []).length === 0) {
      problems.push(`pipeline ${name} needs at least one receiver and one exporter`);
    }
  }
  for (const id of service.extensions ?? []) if (!(id in ((doc.extensions as object | undefined) ?? {}))) problems.push(`undefined extension "${id}"`);
  return problems;
}

const isCollectorConfig = (doc: unknown): doc is Record<string, unknown> =>
  typeof doc === "object" && doc !== null && ["receivers", "processors", "exporters", "service"].some((k) => k in doc);

describe("code samples", () => {
  it("the guide has YAML and JSON samples to check", () => {
    expect(byLang("yaml", "yml").length).toBeGreaterThan(5);
    expect(byLang("json").length).toBeGreaterThan(3);
  });

  it.each(byLang("yaml", "yml").map((s) => [s.where, s] as const))("YAML at %s parses", (_w, s: CodeBlock) => {
    expect(() => yaml.loadAll(s.code)).not.toThrow();
  });

  it.each(byLang("json").map((s) => [s.where, s] as const))("JSON at %s parses", (_w, s: CodeBlock) => {
    expect(() => JSON.parse(s.code)).not.toThrow();
  });

  it("has at least one complete Collector config, and every Collector snippet uses real, defined components", () => {
    const configs = byLang("yaml", "yml").flatMap((s) =>
      yaml.loadAll(s.code).filter(isCollectorConfig).map((doc) => ({ where: s.where, doc })),
    );
    const complete = configs.filter(({ doc }) => ["receivers", "processors", "exporters", "service"].every((k) => k in doc));
    expect(complete.length).toBeGreaterThan(0);
    const problems = configs.flatMap(({ where, doc }) => collectorProblems(doc).map((p) => `${where}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("the Collector check catches an undefined component and an unknown type", () => {
    const doc = yaml.load(
      "receivers: {otlp: {}}\nprocessors: {batchy: {}}\nexporters: {otlp/jaeger: {}}\nservice: {pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [otlp/jaeger]}}}",
    ) as Record<string, unknown>;
    expect(collectorProblems(doc)).toEqual([
      'processors: unknown component type "batchy"',
      'pipeline traces uses undefined processors "batch"',
    ]);
  });
});
