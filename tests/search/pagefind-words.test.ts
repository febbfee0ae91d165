// The byte-level word codec against cborg, which encodes words as Pagefind's minicbor does (their
// bytes were compared on a 4,000-page bundle): each fixture is a word record as Pagefind writes it,
// each posting's page stored as the difference from the one before.
import { decode, decodeFirst, encode } from "cborg";
import { describe, expect, it } from "vitest";
import { arrayHead, assembleWord, emptyWord, encodePosting, MalformedWord, parseWord, splitChunk, wordOf, wordSize } from "../../src/search/pagefind-words.ts";

type Word = [string, [number, number[], unknown[]][], unknown[]];

const fixtures: Record<string, Word> = {
  "one posting": ["collector", [[0, [-25, 4, 18], []]], []],
  "weight markers and large positions": ["span", [[3, [-7, 625, -25, 70_000, 1], []], [70_000, [5], [-1, 0]]], []],
  "a page number past 2^32": ["deep", [[2 ** 33, [1], []]], []],
  "many postings": ["the", Array.from({ length: 300 }, (_, p) => [p === 0 ? 0 : 1 + (p % 30) * 9, [p % 5, 1, 2], []] as [number, number[], unknown[]]), []],
  "non-ASCII text": ["сэмплинг", [[1, [2], []]], []],
  "with variants": ["cafe", [[0, [1], []]], [["café", [[1, [3], []]]]]],
};

describe("pagefind-words", () => {
  for (const [name, word] of Object.entries(fixtures)) {
    it(`parses and reassembles: ${name}`, () => {
      const bytes = encode(word);
      const record = parseWord(bytes);
      expect(wordOf(record)).toBe(word[0]);
      let page = 0;
      expect(record.postings.map((p) => p.page)).toEqual(word[1].map((p) => (page += p[0])));
      expect(record.postings.map((p) => splitItems(p.body))).toEqual(word[1].map((p) => [p[1], p[2]]));
      expect(wordSize(record)).toBe(word[1].reduce((n, p) => n + p[1].length + 1, 0));
      expect(decode(record.variants)).toEqual(word[2]);
      expect(Buffer.from(assembleWord(record)).equals(Buffer.from(bytes))).toBe(true);
    });
  }

  it("drops and inserts postings, writing each page again as the difference from the one before", () => {
    // Pages 3 and 70,003.
    const record = parseWord(encode(fixtures["weight markers and large positions"]!));
    record.postings = [encodePosting(1, [-25, 9], []), record.postings[1]!];
    expect(decode(assembleWord(record))).toEqual(["span", [[1, [-25, 9], []], [70_002, [5], [-1, 0]]], []]);
    record.postings = [record.postings[1]!];
    expect(decode(assembleWord(record))).toEqual(["span", [[70_003, [5], [-1, 0]]], []]);
    const fresh = emptyWord("new");
    fresh.postings.push(encodePosting(4, [1, 2], []));
    expect(decode(assembleWord(fresh))).toEqual(["new", [[4, [1, 2], []]], []]);
  });

  it("splits a chunk into its words' own bytes", () => {
    const words = Object.values(fixtures);
    const parts = splitChunk(encode([words]));
    expect(parts.map((p) => decode(p))).toEqual(words);
  });

  it("writes array heads as minicbor does, at each width", () => {
    for (const n of [0, 23, 24, 255, 256, 65_535, 65_536]) {
      const expected = encode(new Array(n).fill(0)).subarray(0, -n || undefined);
      expect(Buffer.from(arrayHead(n)).equals(Buffer.from(expected)), String(n)).toBe(true);
    }
  });

  it("refuses what is not a word", () => {
    expect(() => parseWord(encode(["only", []]))).toThrow(MalformedWord);
    expect(() => parseWord(encode(["w", [["x", [], []]], []]))).toThrow(MalformedWord);
    expect(() => parseWord(encode(["w", [[1, [], []]], []]).subarray(0, 6))).toThrow(MalformedWord);
    expect(() => splitChunk(Buffer.concat([encode([[fixtures["one posting"]]]), Uint8Array.of(0)]))).toThrow(MalformedWord);
  });
});

/** The CBOR items in a row of bytes. */
function splitItems(bytes: Uint8Array): unknown[] {
  const items: unknown[] = [];
  let rest = bytes;
  while (rest.length > 0) {
    const [item, remainder] = decodeFirst(rest);
    items.push(item);
    rest = remainder;
  }
  return items;
}
