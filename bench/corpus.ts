// Generates deterministic benchmark corpora of writers'-style pages (about 6.5 KB each).
//
// Every page uses the syntax the real corpus uses: front matter with flags, tags and contributors;
// a TOC; headings; a paramlist with required and default marks; callouts; an include with
// parameters; code blocks; a tasklist; tabs.
import fs from "node:fs";
import path from "node:path";
import { prng } from "../scripts/generate-traces.ts";

const WORDS = (
  "trace span service operation latency collector sampler exporter receiver processor query storage " +
  "request response timeout retry dependency context propagation baggage attribute event error " +
  "duration timeline critical path parent child root instrumentation agent pipeline batch memory " +
  "limit endpoint header payload checkout payment inventory database cache frontend backend"
).split(" ");
const PLANS = ["community", "pro", "enterprise", "pro enterprise"];
const TAGS = ["distributed tracing", "jaeger", "opentelemetry", "api", "troubleshooting", "sampling"];
const CONTRIBUTORS = ["yberlinger", "docs-team"];
const CALLOUTS = ["note", "tip", "important", "warning"];

function sentence(rand: () => number, min = 8, max = 18): string {
  const n = min + Math.floor(rand() * (max - min));
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = words.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand: () => number, sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(rand)).join(" ");
}

export function page(i: number, rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const section = `section-${i % 20}`;
  const topic = `${pick(WORDS)} ${pick(WORDS)}`;
  const beta = rand() < 0.2;
  const params = Array.from({ length: 6 }, (_, k) => {
    const name = `${pick(WORDS)}_${k}`;
    const mark = k === 0 ? ' <span class="required-param"></span>' : k % 2 ? ` <span class="default-param">\`${Math.floor(rand() * 1000)}\`</span>` : "";
    return `| ${name}${mark} | ${sentence(rand, 6, 12)} |`;
  });
  return `---
layout: article
title: "Page ${i}: ${topic}"
permalink: /bench/${section}/page-${i}/
description: ${sentence(rand, 8, 14)}
flags:
  logzio-plan: ${pick(PLANS)}
  beta: ${beta}
tags:
  - ${pick(TAGS)}
  - ${pick(TAGS.filter((t) => t !== TAGS[0]))}
contributors:
  - ${pick(CONTRIBUTORS)}
---
* TOC
{:toc}

## Overview of ${topic}

${paragraph(rand, 5)}

${paragraph(rand, 3)}
{:.info-box.${pick(CALLOUTS)}}

{% include bench-note.md product="Jaeger" count=${i % 7} %}

## Parameters

| Parameter | Description |
|---|---|
${params.join("\n")}
{:.paramlist}

## Configure ${pick(WORDS)}

<div class="tasklist">

##### Install the ${pick(WORDS)}

${paragraph(rand, 2)}

\`\`\`yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
processors:
  batch:
    timeout: ${1 + (i % 9)}s
\`\`\`

##### Check the ${pick(WORDS)}

${paragraph(rand, 2)}

</div>

<div class="branching-container">

* [Kubernetes](#kubernetes-${i})
* [Docker](#docker-${i})
{:.branching-tabs}

<!-- tab:start -->
<div id="kubernetes-${i}">

${paragraph(rand, 2)}

\`\`\`sh
kubectl apply -f collector-${i}.yaml
\`\`\`

</div>
<!-- tab:end -->

<!-- tab:start -->
<div id="docker-${i}">

${paragraph(rand, 2)}

</div>
<!-- tab:end -->

</div>

## Troubleshooting ${pick(WORDS)}

${paragraph(rand, 6)}

${paragraph(rand, 3)}

### When the ${pick(WORDS)} is slow

${paragraph(rand, 5)}

${paragraph(rand, 4)}

### When spans are missing

${paragraph(rand, 5)}

> ${paragraph(rand, 2)}

| Symptom | Cause | Fix |
|---|---|---|
| ${sentence(rand, 3, 6)} | ${sentence(rand, 3, 6)} | ${sentence(rand, 3, 6)} |
| ${sentence(rand, 3, 6)} | ${sentence(rand, 3, 6)} | ${sentence(rand, 3, 6)} |

- ${sentence(rand)}
- ${sentence(rand)}
- ${sentence(rand)}

See [the overview](#overview-of-${topic.replace(/ /g, "-")}) and [page ${(i + 1) % 50}](/bench/section-${((i + 1) % 50) % 20}/page-${(i + 1) % 50}/).
`;
}

/**
 * The site data a writers' site keeps beside its pages (`_data/`): the tags and contributors the
 * pages use (without them every page warns, which no real site ships), and a sidebar of 20
 * sections with their first five pages each, the size of a real guide's navigation.
 */
function writeSiteData(dir: string, pages: number): void {
  const data = path.join(dir, "_data");
  fs.mkdirSync(data, { recursive: true });
  fs.writeFileSync(path.join(data, "site.yaml"), "title: Benchmark guide\nurl: https://docs.example.org\nbaseurl: /\nrepository: https://github.com/example/bench-docs\nbranch: main\ncontentPath: content\nlanguage: en\n");
  fs.writeFileSync(path.join(data, "tags.yaml"), TAGS.map((t) => `${t}:\n  description: Pages about ${t}.\n`).join(""));
  fs.writeFileSync(path.join(data, "contributors.yaml"), CONTRIBUTORS.map((c) => `${c}:\n  name: ${c.replace(/-/g, " ")}\n`).join(""));
  const sections: string[] = [];
  for (let s = 0; s < Math.min(20, pages); s++) {
    const items: string[] = [];
    for (let i = s; i < pages && items.length < 5; i += 20) items.push(`    - /bench/section-${s}/page-${i}/`);
    sections.push(`- title: Section ${s}\n  collapsed: true\n  pages:\n${items.join("\n")}`);
  }
  fs.writeFileSync(path.join(data, "navigation.yaml"), `${sections.join("\n")}\n`);
}

/** Writes `pages` pages into `dir` (the content folder) and returns the total bytes written. */
export function generateCorpus(dir: string, pages: number, seed = 42): number {
  const rand = prng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "_includes"), { recursive: true });
  fs.writeFileSync(path.join(dir, "_includes/bench-note.md"), "{{ include.product }} keeps {{ include.count }} copies of each span.\n{:.info-box.note}\n");
  let bytes = 0;
  for (let i = 0; i < pages; i++) {
    const text = page(i, rand);
    const file = path.join(dir, `section-${i % 20}`, `page-${i}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  fs.writeFileSync(path.join(dir, "index.md"), "---\ntitle: Benchmark corpus\nlayout: article\n---\nPages generated by bench/corpus.ts.\n");
  writeSiteData(dir, pages);
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "/tmp/bench-corpus", count = "1000"] = process.argv.slice(2);
  const bytes = generateCorpus(dir, Number(count));
  process.stdout.write(`Wrote ${count} pages (${(bytes / Number(count) / 1024).toFixed(1)} KB each on average) to ${dir}\n`);
}
