// One word of a Pagefind index chunk, read and edited as CBOR bytes, without turning its postings
// into objects.
//
// Why our own code, beside cborg (which decodes and encodes everything else): a save touches every
// word of the saved page, and the common ones have a posting on every page. Decoding those words to
// objects and encoding them again took 0.3–0.5 s a save at 4,000 pages, and cutting every posting
// out as its own object still 0.7 s at 20,000 (profiled: the objects and the garbage they leave).
// A save's edit to a word is one posting out and one in: the bytes before it are copied, the
// posting after it gets its page difference written again, and the bytes after that are copied.
//
// A word is `[word, [posting, …], variants]`; a posting is `[page, [position, …], metaPositions]`
// (Pagefind 1.6, `PackedWord` and `PackedPage`). A posting's page is stored as the difference from
// the posting before it (the first as is); postings are in page order.
import { encode } from "cborg";

export class MalformedWord extends Error {}

/** What the bundle keeps of a word besides its bytes. */
export interface WordSummary {
  word: string;
  /** The pages it has a posting on, in order. */
  pages: number[];
  /** Its postings plus their positions: Pagefind's measure for filling chunks. */
  size: number;
  /** Whether it lists diacritic variants (other forms of the word, with their own postings). */
  hasVariants: boolean;
  /** The pages its variants have postings on. */
  variantPages: number[];
}

/** A posting's last two items, encoded: its positions and its metadata positions. */
export interface PostingBody {
  bytes: Uint8Array;
  /** Positions plus one. */
  size: number;
}

const utf8 = new TextDecoder();

/** Read a word's text, its postings' pages and its size. */
export function readWord(bytes: Uint8Array): WordSummary {
  const reader = new Reader(bytes);
  if (reader.head() !== 4 || reader.value !== 3) throw new MalformedWord("a word is not a 3-item array");
  if (reader.head() !== 3) throw new MalformedWord("a word's text is not a string");
  const word = utf8.decode(bytes.subarray(reader.at, reader.at + reader.value));
  reader.at += reader.value;
  if (reader.head() !== 4) throw new MalformedWord("a word's pages are not an array");
  const pages: number[] = new Array(reader.value);
  let page = 0;
  let size = 0;
  for (let i = 0; i < pages.length; i++) {
    const posting = reader.posting();
    pages[i] = page += posting.delta;
    size += posting.size;
  }
  // Variants: `[[form, [posting, …]], …]`.
  if (reader.head() !== 4) throw new MalformedWord("a word's variants are not an array");
  const variants = reader.value;
  const variantPages: number[] = [];
  for (let v = 0; v < variants; v++) {
    if (reader.array("a variant") !== 2) throw new MalformedWord("a variant is not a 2-item array");
    reader.skip(); // its form
    if (reader.head() !== 4) throw new MalformedWord("a variant's pages are not an array");
    let page = 0;
    for (let i = reader.value; i > 0; i--) variantPages.push((page += reader.posting().delta));
  }
  if (reader.at !== bytes.length) throw new MalformedWord("a word has trailing bytes");
  return { word, pages, size, hasVariants: variants > 0, variantPages };
}

/** The CBOR of a word with no postings yet. */
export function emptyWord(word: string): Uint8Array {
  return encode([word, [], []]);
}

/** A posting's body, from its decoded parts. */
export function postingBody(locs: readonly number[], metaLocs: readonly unknown[]): PostingBody {
  return { bytes: Buffer.concat([encode(locs), encode(metaLocs)]), size: locs.length + 1 };
}

/**
 * The word with its posting for `page` replaced by `posting`, or taken out when `posting` is undefined.
 * `bytes` is undefined when no posting is left; `sizeChange` is what the word's size changed by.
 */
export function withPage(word: Uint8Array, page: number, posting: PostingBody | undefined): { bytes: Uint8Array | undefined; sizeChange: number } {
  const reader = new Reader(word);
  if (reader.head() !== 4 || reader.value !== 3) throw new MalformedWord("a word is not a 3-item array");
  reader.skip(); // the text
  const textEnd = reader.at;
  if (reader.head() !== 4) throw new MalformedWord("a word's pages are not an array");
  const count = reader.value;
  const postingsAt = reader.at;
  // Walk to the first posting at or past `page`: its own, and the one after it, if any.
  let before = 0; // the page of the last posting before `page`
  let seen = 0;
  let own: { start: number; end: number; size: number } | undefined;
  let next: { start: number; end: number; page: number; bodyAt: number } | undefined;
  let current = 0;
  while (seen < count) {
    const start = reader.at;
    const p = reader.posting();
    seen++;
    current += p.delta;
    if (current < page) {
      before = current;
      continue;
    }
    if (current === page && !own) {
      own = { start, end: reader.at, size: p.size };
      continue;
    }
    next = { start, end: reader.at, page: current, bodyAt: p.bodyAt };
    break;
  }
  const kept = count - (own ? 1 : 0) + (posting ? 1 : 0);
  const sizeChange = (posting?.size ?? 0) - (own?.size ?? 0);
  if (kept === 0) return { bytes: undefined, sizeChange };
  const cut = own?.start ?? next?.start ?? reader.at; // where the postings before `page` end
  const parts: Uint8Array[] = [Uint8Array.of(0x83), word.subarray(1, textEnd), arrayHead(kept), word.subarray(postingsAt, cut)];
  let previous = before;
  if (posting) {
    parts.push(Uint8Array.of(0x83), uintBytes(page - before), posting.bytes);
    previous = page;
  }
  if (next) {
    parts.push(Uint8Array.of(0x83), uintBytes(next.page - previous), word.subarray(next.bodyAt, next.end));
    parts.push(word.subarray(next.end));
  } else {
    parts.push(word.subarray(own?.end ?? cut));
  }
  return { bytes: Buffer.concat(parts), sizeChange };
}

/** The CBOR head of a definite-length array of `n` items. */
export function arrayHead(n: number): Uint8Array {
  return withMajor(0x80, n);
}

function uintBytes(n: number): Uint8Array {
  if (n < 0) throw new MalformedWord("postings out of page order");
  return withMajor(0x00, n);
}

/** A CBOR head in its shortest form, as minicbor writes it. */
function withMajor(major: number, n: number): Uint8Array {
  if (n < 24) return Uint8Array.of(major + n);
  if (n < 0x100) return Uint8Array.of(major + 24, n);
  if (n < 0x10000) return Uint8Array.of(major + 25, n >> 8, n & 0xff);
  if (n < 0x1_0000_0000) return Uint8Array.of(major + 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  const out = Buffer.alloc(9);
  out[0] = major + 27;
  out.writeBigUInt64BE(BigInt(n), 1);
  return out;
}

/** The words of an index chunk (`[[word, …]]`), each as its own CBOR, in order. */
export function splitChunk(bytes: Uint8Array): Uint8Array[] {
  const reader = new Reader(bytes);
  if (reader.head() !== 4 || reader.value !== 1) throw new MalformedWord("a chunk is not a 1-item array");
  if (reader.head() !== 4) throw new MalformedWord("a chunk's words are not an array");
  const words: Uint8Array[] = new Array(reader.value);
  for (let i = 0; i < words.length; i++) {
    const start = reader.at;
    reader.skip();
    words[i] = bytes.subarray(start, reader.at);
  }
  if (reader.at !== bytes.length) throw new MalformedWord("a chunk has trailing bytes");
  return words;
}

/** Reads CBOR heads and skips whole items; definite lengths only, as minicbor writes them. */
class Reader {
  at = 0;
  /** The argument of the last head read: a count, a length or an integer. */
  value = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** Read one head; returns its major type. */
  head(): number {
    const b = this.bytes;
    const initial = b[this.at];
    if (initial === undefined) throw new MalformedWord("a word ends early");
    const info = initial & 31;
    if (info < 24) {
      this.value = info;
      this.at += 1;
    } else if (info === 24) {
      this.value = b[this.at + 1]!;
      this.at += 2;
    } else if (info === 25) {
      this.value = (b[this.at + 1]! << 8) | b[this.at + 2]!;
      this.at += 3;
    } else if (info === 26) {
      this.value = b[this.at + 1]! * 0x1000000 + ((b[this.at + 2]! << 16) | (b[this.at + 3]! << 8) | b[this.at + 4]!);
      this.at += 5;
    } else if (info === 27) {
      let v = 0;
      for (let i = 1; i <= 8; i++) v = v * 256 + b[this.at + i]!;
      this.value = v;
      this.at += 9;
    } else {
      throw new MalformedWord("an indefinite-length CBOR item");
    }
    if (this.at > b.length) throw new MalformedWord("a word ends early");
    return initial >> 5;
  }

  /** Read an array's head; returns its length. */
  array(what: string): number {
    if (this.head() !== 4) throw new MalformedWord(`${what} is not an array`);
    return this.value;
  }

  /** Skip one whole item. */
  skip(): void {
    let pending = 1;
    while (pending > 0) {
      pending--;
      const major = this.head();
      if (major === 2 || major === 3) this.at += this.value;
      else if (major === 4) pending += this.value;
      else if (major === 5) pending += 2 * this.value;
      else if (major === 6) pending += 1;
    }
    if (this.at > this.bytes.length) throw new MalformedWord("a word ends early");
  }

  /** Read one posting: its page difference, where its body starts, and its size. */
  posting(): { delta: number; bodyAt: number; size: number } {
    if (this.head() !== 4 || this.value !== 3) throw new MalformedWord("a posting is not a 3-item array");
    if (this.head() !== 0) throw new MalformedWord("a posting's page is not an unsigned integer");
    const delta = this.value;
    const bodyAt = this.at;
    if (this.head() !== 4) throw new MalformedWord("a posting's positions are not an array");
    const size = this.value + 1;
    this.at = bodyAt;
    this.skip(); // the positions
    this.skip(); // the metadata positions
    return { delta, bodyAt, size };
  }
}
