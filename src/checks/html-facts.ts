// Reads the facts the checks need from a built page: element ids and the links it makes.
import { QuoteType, Tokenizer, type TokenizerCallbacks } from "htmlparser2";

export interface PageFacts {
  ids: Set<string>;
  links: { href: string; tag: string }[];
}

const LINK_ATTRS: Record<string, string> = { a: "href", link: "href", img: "src", script: "src", source: "src", iframe: "src" };
/** The elements a page's links are read from. */
export const LINK_TAGS: readonly string[] = Object.keys(LINK_ATTRS);

/**
 * One streaming pass over the HTML (no DOM): this runs over every page of every build.
 *
 * htmlparser2's tokenizer, driven directly rather than through its `Parser`, which builds every
 * tag's attribute object and tracks the open elements: over the 4,012 pages of a 4,000-page build,
 * 2.4–2.6 s against 2.9 s, with the same facts for every page. Only the attributes the checks read
 * are kept, by the parser's rules: names lower-cased, entities decoded, the first of a repeated
 * attribute wins (tests/checks/html-facts.test.ts compares the two on tricky markup and on every
 * page of the built guide).
 */
export function readPageFacts(html: string): PageFacts {
  const reader = new FactsReader(html);
  const tokenizer = new Tokenizer({ decodeEntities: true }, reader);
  tokenizer.write(html);
  tokenizer.end();
  return reader.facts;
}

class FactsReader implements TokenizerCallbacks {
  readonly facts: PageFacts = { ids: new Set(), links: [] };
  readonly #html: string;
  #tag = "";
  #attribute = "";
  /** Whether the current attribute is one the checks read; others' values are not sliced out. */
  #keep = false;
  #value = "";
  /** The current tag's attributes that the checks read. */
  #attrs = new Map<string, string>();

  constructor(html: string) {
    this.#html = html;
  }

  onopentagname(start: number, end: number): void {
    this.#tag = this.#html.slice(start, end).toLowerCase();
    this.#attrs.clear();
  }
  onattribname(start: number, end: number): void {
    // Every name the checks read is 2–4 characters long (id, rel, src, href, name): most attributes
    // (class, aria-*, an SVG path's d) are passed over without slicing: about a tenth of the reading time.
    const length = end - start;
    if (length < 2 || length > 4) {
      this.#keep = false;
      return;
    }
    const name = this.#html.slice(start, end).toLowerCase();
    this.#attribute = name;
    this.#keep = (name === "id" || name === "name" || name === "rel" || name === LINK_ATTRS[this.#tag]) && !this.#attrs.has(name);
    this.#value = "";
  }
  onattribdata(start: number, end: number): void {
    if (this.#keep) this.#value += this.#html.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    if (this.#keep) this.#value += String.fromCodePoint(codepoint);
  }
  onattribend(_quote: QuoteType): void {
    if (this.#keep) this.#attrs.set(this.#attribute, this.#value);
    this.#keep = false;
  }
  onopentagend(): void {
    this.#emit();
  }
  onselfclosingtag(): void {
    this.#emit();
  }

  #emit(): void {
    const attrs = this.#attrs;
    const tag = this.#tag;
    const id = attrs.get("id");
    if (id) this.facts.ids.add(id);
    const name = tag === "a" ? attrs.get("name") : undefined;
    if (name) this.facts.ids.add(name);
    const attr = LINK_ATTRS[tag];
    const value = attr ? attrs.get(attr) : undefined;
    // rel=canonical/alternate and og: links are absolute URLs to the published site, not files here.
    if (value !== undefined && !(tag === "link" && /\b(canonical|alternate)\b/.test(attrs.get("rel") ?? ""))) {
      this.facts.links.push({ href: value, tag });
    }
    attrs.clear();
  }

  onclosetag(): void {}
  ontext(): void {}
  ontextentity(): void {}
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

/**
 * A part of a page that many pages share (the sidebar): `html` as this page has it, and `plain`, a
 * form with the same links and ids that is the same on every page that shares it.
 */
export interface SharedPart {
  html: string;
  plain: string;
}

/**
 * Reads pages' facts, reading each shared part's facts once. The page is read around the part
 * (before it, then after it: the part is whole elements, so both halves tokenize as they did in
 * the page), which keeps the links in document order.
 */
export class PageFactsReader {
  readonly #shared = new Map<string, PageFacts>();

  read(html: string, shared?: SharedPart): PageFacts {
    const at = shared ? html.indexOf(shared.html) : -1;
    if (!shared || at < 0) return readPageFacts(html);
    let part = this.#shared.get(shared.plain);
    if (!part) this.#shared.set(shared.plain, (part = readPageFacts(shared.plain)));
    const before = readPageFacts(html.slice(0, at));
    const after = readPageFacts(html.slice(at + shared.html.length));
    return { ids: new Set([...before.ids, ...part.ids, ...after.ids]), links: [...before.links, ...part.links, ...after.links] };
  }
}

