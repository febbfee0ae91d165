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
