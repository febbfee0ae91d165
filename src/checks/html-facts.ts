// Reads the facts the checks need from a built page: element ids and the links it makes.
import { Parser } from "htmlparser2";

export interface PageFacts {
  ids: Set<string>;
  links: { href: string; tag: string }[];
}

const LINK_ATTRS: Record<string, string> = { a: "href", link: "href", img: "src", script: "src", source: "src", iframe: "src" };

/** One streaming pass over the HTML (no DOM): this runs over every page of every build. */
export function readPageFacts(html: string): PageFacts {
  const facts: PageFacts = { ids: new Set(), links: [] };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) facts.ids.add(attrs.id);
        if (name === "a" && attrs.name) facts.ids.add(attrs.name);
        const attr = LINK_ATTRS[name];
        const value = attr ? attrs[attr] : undefined;
        // rel=canonical/alternate and og: links are absolute URLs to the published site, not files here.
        if (value !== undefined && !(name === "link" && /\b(canonical|alternate)\b/.test(attrs.rel ?? ""))) {
          facts.links.push({ href: value, tag: name });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return facts;
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

