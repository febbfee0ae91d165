// The byte-level word codec against cborg, which encodes words as Pagefind's minicbor does (their
// bytes were compared on a 4,000-page bundle): each fixture is a word record as Pagefind writes it,
// each posting's page stored as the difference from the one before.
import { decode, encode } from "cborg";
import { describe, expect, it } from "vitest";
import { arrayHead, emptyWord, MalformedWord, postingBody, readWord, splitChunk, withPage } from "../../src/search/pagefind-words.ts";

type Posting = [number, number[], unknown[]];
type Word = [string, Posting[], [string, Posting[]][]];

const fixtures: Record<string, Word> = {
  "one posting": ["collector", [[0, [-25, 4, 18], []]], []],
  "weight markers and large positions": ["span", [[3, [-7, 625, -25, 70_000, 1], []], [70_000, [5], [-1, 0]]], []],
  "a page past 2^32": ["deep", [[2 ** 33, [1], []]], []],
  "many postings": ["the", Array.from({ length: 300 }, (_, p): Posting => [p === 0 ? 0 : 1 + (p % 30) * 9, [p % 5, 1, 2], []]), []],
  "non-ASCII text": ["сэмплинг", [[1, [2], []]], []],
  "with variants": ["cafe", [[0, [1], []]], [["café", [[1, [3], []], [2, [4, 5], []]]]]],
};

/** A word's postings with their pages resolved: what a search reads. */
function resolved(word: Word): { word: string; postings: Posting[]; variants: unknown } {
  let page = 0;
  return { word: word[0], postings: word[1].map(([delta, locs, meta]) => [(page += delta), locs, meta]), variants: word[2] };
}

describe("readWord", () => {
  for (const [name, word] of Object.entries(fixtures)) {
    it(`reads ${name}`, () => {
      const summary = readWord(encode(word));
      expect(summary.word).toBe(word[0]);
      expect(summary.pages).toEqual(resolved(word).postings.map(([page]) => page));
      expect(summary.size).toBe(word[1].reduce((n, [, locs]) => n + locs.length + 1, 0));
      expect(summary.hasVariants).toBe(word[2].length > 0);
    });
  }

  it("lists the pages a word's variants are on", () => {
    expect(readWord(encode(fixtures["with variants"]!)).variantPages).toEqual([1, 3]);
  });

  it("refuses what is not a word", () => {
    expect(() => readWord(encode(["only", []]))).toThrow(MalformedWord);
    expect(() => readWord(encode(["w", [["x", [], []]], []]))).toThrow(MalformedWord);
    expect(() => readWord(encode(["w", [[1, [], []]], []]).subarray(0, 6))).toThrow(MalformedWord);
    expect(() => readWord(Buffer.concat([encode(["w", [], []]), Uint8Array.of(0)]))).toThrow(MalformedWord);
  });
});

describe("withPage", () => {
  const span = encode(fixtures["weight markers and large positions"]!); // pages 3 and 70,003
  const edit = (word: Uint8Array, page: number, locs?: number[]) => {
    const { bytes, sizeChange } = withPage(word, page, locs && postingBody(locs, []));
    return { word: bytes && resolved(decode(bytes) as Word), sizeChange };
  };

  it("puts a posting in page order, writing the next page's difference again", () => {
    expect(edit(span, 1, [-25, 9])).toEqual({ word: { word: "span", postings: [[1, [-25, 9], []], [3, [-7, 625, -25, 70_000, 1], []], [70_003, [5], [-1, 0]]], variants: [] }, sizeChange: 3 });
    expect(edit(span, 500, [2])).toEqual({ word: { word: "span", postings: [[3, [-7, 625, -25, 70_000, 1], []], [500, [2], []], [70_003, [5], [-1, 0]]], variants: [] }, sizeChange: 2 });
    expect(edit(span, 80_000, [2])?.word?.postings.map(([p]) => p)).toEqual([3, 70_003, 80_000]);
  });

  it("replaces a page's own posting", () => {
    expect(edit(span, 3, [7, 8])).toEqual({ word: { word: "span", postings: [[3, [7, 8], []], [70_003, [5], [-1, 0]]], variants: [] }, sizeChange: -3 });
    expect(edit(span, 70_003, [1])?.word?.postings).toEqual([[3, [-7, 625, -25, 70_000, 1], []], [70_003, [1], []]]);
  });

  it("takes a page's posting out, and the word with its last", () => {
    expect(edit(span, 3)).toEqual({ word: { word: "span", postings: [[70_003, [5], [-1, 0]]], variants: [] }, sizeChange: -6 });
    expect(edit(span, 70_003)?.word?.postings).toEqual([[3, [-7, 625, -25, 70_000, 1], []]]);
    expect(edit(span, 4)).toEqual({ word: resolved(fixtures["weight markers and large positions"]!), sizeChange: 0 });
    expect(edit(encode(fixtures["one posting"]!), 0)).toEqual({ word: undefined, sizeChange: -4 });
  });

  it("edits a word with hundreds of postings, and a new word", () => {
    const the = encode(fixtures["many postings"]!);
    const pages = resolved(fixtures["many postings"]!).postings.map(([p]) => p);
    const middle = pages[150]!;
    const out = edit(withPage(the, middle, undefined).bytes!, middle + 1, [4]);
    expect(out.word!.postings.map(([p]) => p)).toEqual([...pages.slice(0, 150), middle + 1, ...pages.slice(151)].sort((a, b) => a - b));
    expect(edit(emptyWord("new"), 4, [1, 2])).toEqual({ word: { word: "new", postings: [[4, [1, 2], []]], variants: [] }, sizeChange: 3 });
  });

  it("writes the same bytes cborg does", () => {
    const { bytes } = withPage(span, 1, postingBody([-25, 9], []));
    expect(Buffer.from(bytes!).equals(Buffer.from(encode(["span", [[1, [-25, 9], []], [2, [-7, 625, -25, 70_000, 1], []], [70_000, [5], [-1, 0]]], []])))).toBe(true);
  });
});

describe("chunks and heads", () => {
  it("splits a chunk into its words' own bytes", () => {
    const words = Object.values(fixtures);
    expect(splitChunk(encode([words])).map((p) => decode(p))).toEqual(words);
    expect(() => splitChunk(Buffer.concat([encode([[fixtures["one posting"]]]), Uint8Array.of(0)]))).toThrow(MalformedWord);
  });

  it("writes array heads as minicbor does, at each width", () => {
    for (const n of [0, 23, 24, 255, 256, 65_535, 65_536]) {
      const expected = encode(new Array(n).fill(0)).subarray(0, -n || undefined);
      expect(Buffer.from(arrayHead(n)).equals(Buffer.from(expected)), String(n)).toBe(true);
    }
  });
});
