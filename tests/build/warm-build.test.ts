// A warm build after an edit renders only the edited pages, and must write what a cold build of the
// same input writes, file for file, with the same warnings. Each case edits a copy of the guide and
// its site data, plus two pages of warnings and links of our own, and compares the warm build's
// output folder and findings with a cold build's.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildOutcome } from "../../src/build/build.ts";
import { PROJECT_ROOT } from "../../src/build/context.ts";
import { makeTempDir, writeFiles } from "../helpers/site.ts";
import { git as gitIn } from "../helpers/git.ts";
import { packFacts, unpackFacts } from "../../src/checks/packed-facts.ts";
import { readPageFacts } from "../../src/checks/html-facts.ts";

const root = makeTempDir("warm-");
const input = path.join(root, "content");
const output = path.join(root, "_site");
let fresh = 0;

/** Every file under `dir`, by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) files.set(rel.split(path.sep).join("/"), fs.readFileSync(file));
  }
  return files;
}

function expectSameTree(warm: string, cold: string): void {
  const a = tree(warm);
  const b = tree(cold);
  expect([...a.keys()]).toEqual([...b.keys()]);
  const differing = [...a].filter(([rel, bytes]) => !bytes.equals(b.get(rel)!)).map(([rel]) => rel);
  expect(differing).toEqual([]);
}

const findings = (outcome: BuildOutcome) => outcome.ctx.diagnostics.sorted();

/** A cold build of the input as it is now, into a folder of its own. */
async function cold(from = input): Promise<{ outcome: BuildOutcome; dir: string }> {
  const dir = path.join(path.dirname(from), `cold-${++fresh}`);
  const outcome = await build({ input: from, output: dir, cache: false });
  return { outcome, dir };
}

function edit(rel: string, change: (text: string) => string, folder = input): void {
  const file = path.join(folder, rel);
  const before = fs.readFileSync(file, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(file, after);
}

beforeAll(async () => {
  fs.cpSync(path.join(PROJECT_ROOT, "content"), input, { recursive: true });
  // The guide's site data beside it: its tag and contributor pages are paginated templates, kept too.
  fs.cpSync(path.join(PROJECT_ROOT, "_data"), path.join(root, "_data"), { recursive: true });
  // Two pages of our own: one links to the other's heading, so an edit can break a page it does not touch.
  writeFiles(input, {
    "warm/target.md": "---\ntitle: Link target\npermalink: /warm/target/\ntags:\n  - jaeger\n---\nIntro text.\n\n## Retention settings\n\nHow long spans stay.\n",
    // Warnings made as the page renders (an info box of no kind, an undefined variable): a warm build that does not render it must replay them.
    "warm/linker.md": "---\ntitle: Linker\npermalink: /warm/linker/\n---\nSee [retention](/warm/target/#retention-settings) and [a missing page](/warm/nowhere/).\n\nA note.\n{:.info-box.sparkle}\n\nValue: {{ page.missing_thing }}\n",
  });
  const first = await build({ input, output });
  expect(first.ok).toBe(true);
  expect(first.rendered).toBeUndefined();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("warm build after an edit", () => {
  it("renders only the edited page, and writes what a cold build writes, warnings included", async () => {
    edit("distributed-tracing/concepts.md", (t) => t.replace("This page defines the terms", "This page defines, in plain words, the terms"));
    const kept = path.join(output, "user-guide/distributed-tracing/api/index.html");
    const keptBefore = fs.statSync(kept);
    const tagBefore = fs.statSync(path.join(output, "tags/jaeger/index.html"));
    const warm = await build({ input, output });
    expect(warm.ok).toBe(true);
    expect(warm.rendered).toBe(1);
    const { outcome, dir } = await cold();
    expectSameTree(output, dir);
    expect(findings(warm)).toEqual(findings(outcome));
    // The warnings of pages it did not render were replayed, not lost.
    expect(findings(warm).filter((d) => d.file?.endsWith("warm/linker.md")).map((d) => d.code).sort()).toEqual(["CALLOUT_KIND", "LINK_BROKEN", "LIQUID_UNDEFINED"]);
    const html = fs.readFileSync(path.join(output, "user-guide/distributed-tracing/concepts/index.html"), "utf8");
    expect(html).toContain("This page defines, in plain words, the terms");
    // A page it did not render is the last build's file, linked, not written again; so is a page of a paginated template.
    const keptAfter = fs.statSync(kept);
    expect([keptAfter.ino, keptAfter.mtimeMs]).toEqual([keptBefore.ino, keptBefore.mtimeMs]);
    const tagPage = fs.statSync(path.join(output, "tags/jaeger/index.html"));
    expect([tagPage.ino, tagPage.mtimeMs]).toEqual([tagBefore.ino, tagBefore.mtimeMs]);
  });

  it("finds a link the edit broke in a page it did not render, at that page's line", async () => {
    edit("warm/target.md", (t) => t.replace("## Retention settings", "## How long spans are kept"));
    const warm = await build({ input, output });
    expect(warm.rendered).toBe(1);
    const broken = findings(warm).filter((d) => d.code === "LINK_ANCHOR_MISSING" && d.file?.endsWith("warm/linker.md"));
    expect(broken).toHaveLength(1);
    expect(broken[0]!.line).toBe(5);
    const { outcome, dir } = await cold();
    expectSameTree(output, dir);
    expect(findings(warm)).toEqual(findings(outcome));

    // Put back, the heading mends the link: the last build's finding about it is not replayed.
    edit("warm/target.md", (t) => t.replace("## How long spans are kept", "## Retention settings"));
    const mended = await build({ input, output });
    expect(mended.rendered).toBe(1);
    expect(findings(mended).filter((d) => d.code === "LINK_ANCHOR_MISSING")).toEqual([]);
    expect(findings(mended)).toEqual(findings((await cold()).outcome));
  });

  it("searches the edited text, with the index a cold build writes", async () => {
    edit("distributed-tracing/api.md", (t) => t.replace("## Response format", "Zebrafish quokkamatic notes.\n\n## Response format"));
    edit("warm/target.md", (t) => t.replace("Intro text.", "Intro text about spans."));
    const warm = await build({ input, output });
    expect(warm.rendered).toBe(2);
    const { outcome, dir } = await cold();
    expectSameTree(output, dir);
    expect(findings(warm)).toEqual(findings(outcome));
    const words = fs.readdirSync(path.join(output, "pagefind/index"));
    expect(words.length).toBeGreaterThan(0);
  });

  it("builds cold when front matter changed, as the sidebar and listings read it", async () => {
    edit("warm/target.md", (t) => t.replace("title: Link target", "title: Link target, renamed"));
    const outcome = await build({ input, output });
    expect(outcome.ok).toBe(true);
    expect(outcome.rendered).toBeUndefined();
    expect(fs.readFileSync(path.join(output, "warm/linker/index.html"), "utf8")).not.toContain("Link target, renamed");
    const { dir } = await cold();
    expectSameTree(output, dir);
  });

  it("builds cold while any page prints other pages' content", async () => {
    writeFiles(input, { "warm/digest.md": "---\ntitle: Digest\npermalink: /warm/digest/\n---\n{% for p in collections.all %}{% if p.url == '/warm/target/' %}{{ p.templateContent }}{% endif %}{% endfor %}\n" });
    expect((await build({ input, output })).ok).toBe(true);
    edit("warm/target.md", (t) => t.replace("How long spans stay.", "How long spans stay, in days."));
    const outcome = await build({ input, output });
    expect(outcome.rendered).toBeUndefined();
    expect(fs.readFileSync(path.join(output, "warm/digest/index.html"), "utf8")).toContain("in days");
    fs.rmSync(path.join(input, "warm/digest.md"));
    expect((await build({ input, output })).ok).toBe(true);
  });

  it("builds cold when a warning about an include may have come from the edited page", async () => {
    // The include warns (an undefined variable) only where a page includes it: can't be replayed blindly.
    writeFiles(input, { "_includes/warm-snippet.md": "Snippet {{ page.nothing_here }} text.\n" });
    edit("warm/linker.md", (t) => `${t}\n{% include warm-snippet.md %}\n`);
    expect((await build({ input, output })).ok).toBe(true);
    edit("warm/linker.md", (t) => t.replace("\n{% include warm-snippet.md %}\n", ""));
    const outcome = await build({ input, output });
    expect(outcome.rendered).toBeUndefined();
    expect(outcome.warmFallback).toMatch(/LIQUID_UNDEFINED about .*warm-snippet\.md/);
    expect(findings(outcome).filter((d) => d.file?.endsWith("warm-snippet.md"))).toEqual([]);
    const { outcome: cold_, dir } = await cold();
    expectSameTree(output, dir);
    expect(findings(outcome)).toEqual(findings(cold_));
    fs.rmSync(path.join(input, "_includes/warm-snippet.md"));
    expect((await build({ input, output })).ok).toBe(true);
  });

  it("keeps the last good output when the edited page fails, and reports the error", async () => {
    const before = tree(output);
    edit("warm/linker.md", (t) => `${t}\n{% if %}\n`);
    const failed = await build({ input, output });
    expect(failed.ok).toBe(false);
    expect(failed.rendered).toBe(1);
    expect(failed.ctx.diagnostics.errors.length).toBeGreaterThan(0);
    expect(failed.ctx.diagnostics.errors.every((d) => d.file?.endsWith("warm/linker.md"))).toBe(true);
    const after = tree(output);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [rel, bytes] of after) expect(bytes.equals(before.get(rel)!), rel).toBe(true);
    edit("warm/linker.md", (t) => t.replace("\n{% if %}\n", ""));
    expect((await build({ input, output })).ok).toBe(true);
  });

  it("builds cold when the search index can't take the edit, and says why", async () => {
    // Words whose forms differ only in diacritics across pages: the splice does not cover them.
    edit("warm/target.md", (t) => t.replace("Intro text about spans.", "Intro text about spans, from the café."));
    edit("warm/linker.md", (t) => `${t}\nThe cafe is open.\n`);
    const outcome = await build({ input, output });
    expect(outcome.ok).toBe(true);
    expect(outcome.rendered).toBeUndefined();
    expect(outcome.warmFallback).toMatch(/diacritic/);
    const { dir } = await cold();
    expectSameTree(output, dir);
  });
});

describe("warm build after a commit", () => {
  // The "last updated" dates come from git: a commit changes those of the files it touched.
  const repo = makeTempDir("warm-git-");
  const content = path.join(repo, "content");
  const site = path.join(repo, "_site");
  const git = (args: string[], date?: string) => gitIn(repo, args, date);
  const page = "user-guide/distributed-tracing/concepts/index.html";
  const lastmod = (dir: string) => {
    const sitemap = fs.readFileSync(path.join(dir, "sitemap.xml"), "utf8");
    return /<loc>[^<]*\/user-guide\/distributed-tracing\/concepts\/<\/loc><lastmod>([^<]*)<\/lastmod>/.exec(sitemap)?.[1];
  };

  beforeAll(async () => {
    fs.cpSync(path.join(PROJECT_ROOT, "content"), content, { recursive: true });
    fs.cpSync(path.join(PROJECT_ROOT, "_data"), path.join(repo, "_data"), { recursive: true });
    fs.writeFileSync(path.join(repo, ".gitignore"), "_site/\ncold-*/\n");
    git(["init", "-q"]);
    git(["add", "."]);
    git(["commit", "-qm", "first"], "2024-01-02T10:00:00Z");
    expect((await build({ input: content, output: site })).ok).toBe(true);
    expect(lastmod(site)).toBe("2024-01-02");
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it("renders the committed page again with its new date, and the sitemap, as a cold build does", async () => {
    edit("distributed-tracing/concepts.md", (t) => t.replace("This page defines the terms", "This page defines, in plain words, the terms"), content);
    expect((await build({ input: content, output: site })).rendered).toBe(1);
    git(["commit", "-qam", "second"], "2025-03-04T10:00:00Z");
    const sitemapBefore = fs.statSync(path.join(site, "sitemap.xml"));
    const warm = await build({ input: content, output: site });
    // Written anew, not into the last build's file through a hard link (that build must stay intact until the swap).
    expect(fs.statSync(path.join(site, "sitemap.xml")).ino).not.toBe(sitemapBefore.ino);
    expect(warm.ok).toBe(true);
    expect(warm.rendered).toBe(1);
    expect(lastmod(site)).toBe("2025-03-04");
    const html = fs.readFileSync(path.join(site, page), "utf8");
    expect(/<time[^>]*datetime="([^"]+)"/.exec(html)?.[1]).toBe("2025-03-04");
    const { outcome, dir } = await cold(content);
    expectSameTree(site, dir);
    expect(findings(warm)).toEqual(findings(outcome));
  });

  it("keeps the last build as it is after a commit of no content file", async () => {
    fs.writeFileSync(path.join(repo, "NOTES.md"), "Not part of the site.\n");
    git(["add", "NOTES.md"]);
    git(["commit", "-qm", "notes"], "2025-06-01T10:00:00Z");
    const again = await build({ input: content, output: site });
    expect(again.ok).toBe(true);
    expect(again.upToDate).toBe(true);
  });
});

describe("the link facts a warm build keeps", () => {
  it("come back as the link check read them, from every kind of element", () => {
    const pages = new Map([
      ["a/index.html", readPageFacts('<h2 id="x">X</h2><a href="/b/#y">b</a><link rel="stylesheet" href="/s.css"><img src="/i.png"><script src="/j.js"></script><a name="n" href="/b/#y">again</a>')],
      ["b/index.html", readPageFacts('<p id="y"></p><video><source src="/v.mp4"></video><iframe src="/f/"></iframe><a href="../a/">a</a>')],
    ]);
    const packed = JSON.parse(JSON.stringify(packFacts(pages))) as ReturnType<typeof packFacts>;
    expect(unpackFacts(packed)).toEqual(pages);
    // "/b/#y" twice, stored once.
    expect(packed.strings.filter((s) => s === "/b/#y")).toHaveLength(1);
  });
});
