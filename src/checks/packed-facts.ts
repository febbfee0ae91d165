// A site's link facts packed small: what the build cache keeps for the next warm build.
import { LINK_TAGS, type PageFacts } from "./html-facts.ts";

/**
 * Every page's ids and links as the link check read them, kept for the next warm build so that it
 * need not read again the pages it did not render (about 1.5 s at 4,000 pages). Each distinct
 * string is stored once (every page repeats the sidebar's and the header's links), and a link is one
 * number, its href's index times 8 plus its tag's: at 20,000 pages a pair per link made the build's
 * process peak about 400 MB higher while it wrote the cache.
 */
export interface PackedFacts {
  strings: string[];
  pages: [outputFile: string, ids: number[], links: number[]][];
}

export function packFacts(facts: ReadonlyMap<string, PageFacts>): PackedFacts {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (text: string) => {
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = strings.push(text) - 1));
    return i;
  };
  const pages: PackedFacts["pages"] = [];
  for (const [file, page] of facts) {
    const links = new Array<number>(page.links.length);
    for (let i = 0; i < links.length; i++) {
      const { href, tag } = page.links[i]!;
      const code = LINK_TAGS.indexOf(tag);
      if (code < 0 || LINK_TAGS.length > 8) throw new Error(`internal: a link read from <${tag}>, which the build cache can't keep`);
      links[i] = at(href) * 8 + code;
    }
    pages.push([file, [...page.ids].map(at), links]);
  }
  return { strings, pages };
}

export function unpackFacts(packed: PackedFacts): Map<string, PageFacts> {
  const { strings } = packed;
  return new Map(packed.pages.map(([file, ids, links]) => [file, { ids: new Set(ids.map((i) => strings[i]!)), links: links.map((n) => ({ href: strings[Math.floor(n / 8)]!, tag: LINK_TAGS[n % 8]! })) }]));
}
