// The fixture runner itself: it must tell different HTML apart, and read the fixture format.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalise, readFixtures } from "./fixture-runner.ts";

describe("normalise", () => {
  it("ignores layout whitespace, attribute order and class order", () => {
    expect(normalise(`<p id="x" class="b a">  Hi\n there </p>\n`)).toEqual(normalise(`<p class="a b" id="x">Hi there</p>`));
  });

  it("tells apart a different attribute, tag, text or nesting", () => {
    const base = normalise(`<p class="a">Hi <em>there</em></p>`);
    expect(normalise(`<p class="b">Hi <em>there</em></p>`)).not.toEqual(base);
    expect(normalise(`<div class="a">Hi <em>there</em></div>`)).not.toEqual(base);
    expect(normalise(`<p class="a">Hi <em>here</em></p>`)).not.toEqual(base);
    expect(normalise(`<p class="a">Hi</p><em>there</em>`)).not.toEqual(base);
    expect(normalise(`<p class="a" id="">Hi <em>there</em></p>`)).not.toEqual(base);
  });

  it("keeps whitespace inside <pre>", () => {
    expect(normalise(`<pre><code>a\n  b</code></pre>`)).not.toEqual(normalise(`<pre><code>a b</code></pre>`));
  });

  it("drops the ignored elements on both sides", () => {
    expect(normalise(`<h2>A</h2><a class="x">#</a>`, "a.x")).toEqual(normalise(`<h2>A</h2>`));
  });
});

describe("readFixtures", () => {
  it("reads title, input, expected and the line of each case", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fixtures-"));
    const file = path.join(dir, "f.md");
    writeFileSync(file, "header\n\nFirst\n.\n# A\n.\n<h1>A</h1>\n.\n\nSecond\n.\nx\ny\n.\n<p>x\ny</p>\n.\n");
    expect(readFixtures(file)).toEqual([
      { title: "First", line: 4, input: "# A\n", expected: "<h1>A</h1>" },
      { title: "Second", line: 11, input: "x\ny\n", expected: "<p>x\ny</p>" },
    ]);
  });
});

describe("normalise, spaces between inline elements", () => {
  it("keeps a space between two inline elements, drops one between blocks", () => {
    expect(normalise(`<p><code>a</code> <em>b</em></p>`)).not.toEqual(normalise(`<p><code>a</code><em>b</em></p>`));
    expect(normalise(`<ul>\n<li>a</li>\n</ul>`)).toEqual(normalise(`<ul><li>a</li></ul>`));
  });
});
