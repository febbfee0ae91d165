// Differential test: every fixture rendered by the real kramdown and by createMarkdown(), compared as structure.
//
// kramdown runs once for all fixtures (kramdown-render.rb, with Jekyll 4's options). Both outputs
// are parsed with linkedom and normalised (normalise.ts: elements; id, class, href, src; collapsed
// text; code blocks reduced to `pre` + language). A fixture whose first line is
// `<!-- ours: KIND -->` renders differently on purpose: ours.ts asserts our form, and where it can
// turns it back into Jekyll's so the rest is still compared. KNOWN_DIFFERENCES lists fixtures we
// do not match yet; they run as expected failures, so fixing one makes the test say so.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { kramdownUnavailable, renderWithKramdown } from "./kramdown.ts";
import { parseContent, structure } from "./normalise.ts";
import { OURS } from "./ours.ts";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const files = readdirSync(FIXTURES).filter((f) => /^\d\d-.+\.md$/.test(f)).sort();
const OURS_LINE = /^<!-- ours: ([\w\s,-]+) -->/;

/** Fixtures we knowingly render differently from kramdown, and why. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

const unavailable = kramdownUnavailable();
if (unavailable) {
  const message = `\n\n*** kramdown parity tests SKIPPED: ${unavailable}.\n*** Install Debian's ruby-kramdown and ruby-kramdown-parser-gfm.\n`;
  if (process.env.CI === "true") throw new Error(`kramdown is required in CI: ${unavailable}`);
  console.warn(message);
}
const kramdown = unavailable ? new Map<string, string>() : renderWithKramdown(files.map((f) => path.join(FIXTURES, f)));
const md = createMarkdown();
const results = new Map<string, boolean>();

describe.skipIf(!!unavailable)("kramdown parity", () => {
  it(`has at least 60 fixtures (${files.length})`, () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  for (const file of files) {
    const source = readFileSync(path.join(FIXTURES, file), "utf8");
    const kinds = (OURS_LINE.exec(source)?.[1] ?? "").split(/[\s,]+/).filter(Boolean);
    const known = KNOWN_DIFFERENCES[file];
    const run = known ? it.fails : it;
    run(`${file}${kinds.length ? ` (ours: ${kinds.join(", ")})` : ""}${known ? ` — known difference: ${known}` : ""}`, () => {
      const theirs = kramdown.get(path.join(FIXTURES, file))!;
      const ours = md.render(source, {});
      for (const kind of kinds) {
        expect(OURS[kind], `unknown ours kind "${kind}"`).toBeDefined();
        OURS[kind]!.check(parseContent(ours), parseContent(theirs));
      }
      // A kind without a way back to Jekyll's form is checked by its own assertions only.
      if (kinds.every((k) => OURS[k]!.toJekyll)) {
        const undo = (root: HTMLElement) => kinds.forEach((k) => OURS[k]!.toJekyll!(root));
        expect(structure(ours, undo)).toBe(structure(theirs));
      }
      results.set(file, true);
    });
  }

  afterAll(() => {
    const equal = files.filter((f) => results.get(f));
    const lines = files.map((f) => `  ${results.get(f) ? "equal    " : "DIFFERENT"} ${f}${KNOWN_DIFFERENCES[f] ? ` (${KNOWN_DIFFERENCES[f]})` : ""}`);
    console.log(`kramdown parity: ${equal.length} of ${files.length} fixtures match\n${lines.join("\n")}`);
  });
});
