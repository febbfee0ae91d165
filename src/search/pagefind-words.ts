// One word of a Pagefind index chunk, edited as CBOR bytes: its postings are cut apart and put back
// together without turning them into objects.
//
// Why our own code, beside cborg (which decodes and encodes everything else): a save touches every
// word of the saved page, and the common ones have a posting on every page. Decoding those words to
// objects and encoding them again took 0.3–0.5 s a save at 4,000 pages (profiled: cborg's token
// objects and the garbage they leave); walking the bytes for item bounds takes a tenth of that.
//
// A word is `[word, [posting, …], variants]`; a posting is `[page, [position, …], metaPositions]`
// (Pagefind 1.6, `PackedWord` and `PackedPage`). A posting's page is stored as the difference from
// the posting before it (the first as is), so postings are kept here with their page resolved and
// their page written again when the word is put back together.
import { encode } from "cborg";

/** A word's record, split where a save edits it. */
export interface WordRecord {
  /** The CBOR of the word's text. */
  text: Uint8Array;
  postings: PostingBytes[];
  /** The CBOR of its diacritic variants (an empty array unless the word has any). */
  variants: Uint8Array;
}

export interface PostingBytes {
  /** The page number (resolved, not the stored difference). */
  page: number;
  /** Positions plus one, as Pagefind sizes its chunks. */
  size: number;
  /** The CBOR of the posting's last two items: its positions and its metadata positions. */
  body: Uint8Array;
}

export class MalformedWord extends Error {}

/** Cut a word's CBOR (as Pagefind or `assembleWord` wrote it) into its parts. */
export function parseWord(bytes: Uint8Array): WordRecord {
  const reader = new Reader(bytes);
  if (reader.head() !== 4 || reader.value !== 3) throw new MalformedWord("a word is not a 3-item array");
  const textStart = reader.at;
  reader.skip();
  const text = bytes.subarray(textStart, reader.at);
  if (reader.head() !== 4) throw new MalformedWord("a word's pages are not an array");
  const count = reader.value;
  const postings: PostingBytes[] = new Array(count);
  let page = 0;
  for (let i = 0; i < count; i++) {
    if (reader.head() !== 4 || reader.value !== 3) throw new MalformedWord("a posting is not a 3-item array");
    if (reader.head() !== 0) throw new MalformedWord("a posting's page is not an unsigned integer");
    page += reader.value;
    const bodyAt = reader.at;
    if (reader.head() !== 4) throw new MalformedWord("a posting's positions are not an array");
    const size = reader.value + 1;
    reader.at = bodyAt;
    reader.skip(); // the positions
    reader.skip(); // the metadata positions
    postings[i] = { page, size, body: bytes.subarray(bodyAt, reader.at) };
  }
  const variantsStart = reader.at;
  reader.skip();
  if (reader.at !== bytes.length) throw new MalformedWord("a word has trailing bytes");
  return { text, postings, variants: bytes.subarray(variantsStart, reader.at) };
}

/** A new word's record, without postings. */
export function emptyWord(word: string): WordRecord {
  return { text: encode(word), postings: [], variants: encode([]) };
}

/** A posting, from its decoded parts; `page` is the page number itself. */
export function encodePosting(page: number, locs: readonly number[], metaLocs: readonly unknown[]): PostingBytes {
  return { page, size: locs.length + 1, body: Buffer.concat([encode(locs), encode(metaLocs)]) };
}

/** The CBOR of a word record, postings in the order given (by page): the inverse of `parseWord`. */
export function assembleWord(word: WordRecord): Uint8Array {
  const head = arrayHead(word.postings.length);
  let length = 1 + word.text.length + head.length + word.variants.length;
  for (const posting of word.postings) length += 10 + posting.body.length;
  const out = Buffer.allocUnsafe(length);
  out[0] = 0x83;
  out.set(word.text, 1);
  out.set(head, 1 + word.text.length);
  let at = 1 + word.text.length + head.length;
  let previous = 0;
  for (const posting of word.postings) {
    out[at++] = 0x83;
    at = writeUint(out, at, posting.page - previous);
    previous = posting.page;
    out.set(posting.body, at);
    at += posting.body.length;
  }
  out.set(word.variants, at);
  at += word.variants.length;
  return out.subarray(0, at);
}

/** An unsigned integer's CBOR, in the shortest form (as minicbor writes it). */
function writeUint(out: Buffer, at: number, n: number): number {
  if (n < 0) throw new MalformedWord("postings out of page order");
  if (n < 24) out[at++] = n;
  else if (n < 0x100) {
    out[at++] = 0x18;
    out[at++] = n;
  } else if (n < 0x10000) {
    out[at++] = 0x19;
    out.writeUInt16BE(n, at);
    at += 2;
  } else if (n < 0x1_0000_0000) {
    out[at++] = 0x1a;
    out.writeUInt32BE(n, at);
    at += 4;
  } else {
    out[at++] = 0x1b;
    out.writeBigUInt64BE(BigInt(n), at);
    at += 8;
  }
  return at;
}

/** A word's size for chunking: its postings plus their positions. */
export function wordSize(word: WordRecord): number {
  let size = 0;
  for (const posting of word.postings) size += posting.size;
  return size;
}

/** The CBOR head of a definite-length array of `n` items. */
export function arrayHead(n: number): Uint8Array {
  if (n < 24) return Uint8Array.of(0x80 + n);
  if (n < 0x100) return Uint8Array.of(0x98, n);
  if (n < 0x10000) return Uint8Array.of(0x99, n >> 8, n & 0xff);
  return Uint8Array.of(0x9a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
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
    return initial >> 5;
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

const utf8 = new TextDecoder();

/** The word a record is for. */
export function wordOf(record: WordRecord): string {
  const reader = new Reader(record.text);
  if (reader.head() !== 3) throw new MalformedWord("a word's text is not a string");
  return utf8.decode(record.text.subarray(reader.at, reader.at + reader.value));
}
