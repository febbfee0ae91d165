// The on-page table of contents: the h2 and h3 headings of a rendered page, read with an HTML parser.
import { Parser } from "htmlparser2";

export interface TocEntry {
  level: 2 | 3;
  id: string;
  text: string;
  children: TocEntry[];
}

/** Headings left out of the TOC: kramdown's `{:.no_toc}` and headings a writer hid. */
const SKIP_HEADING_CLASSES = ["no_toc"];
/** Elements inside a heading whose text is not part of its title (the anchor link, hidden parts). */
const SKIP_TEXT_CLASSES = ["heading-anchor", "visually-hidden", "sr-only"];

const hasClass = (attrs: Record<string, string>, names: string[]) =>
  (attrs.class ?? "").split(/\s+/).some((c) => names.includes(c));

/** h2 entries, each holding the h3 entries that follow it. An h3 before any h2 stands on its own. */
export function tableOfContents(html: string): TocEntry[] {
  const flat: Array<Omit<TocEntry, "children">> = [];
  let current: { level: 2 | 3; id: string; text: string } | undefined;
  let skipDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (current) {
          if (skipDepth > 0 || hasClass(attrs, SKIP_TEXT_CLASSES) || attrs["aria-hidden"] === "true") skipDepth++;
          return;
        }
        if ((name === "h2" || name === "h3") && attrs.id && !hasClass(attrs, SKIP_HEADING_CLASSES)) {
          current = { level: name === "h2" ? 2 : 3, id: attrs.id, text: "" };
        }
      },
      ontext(text) {
        if (current && skipDepth === 0) current.text += text;
      },
      onclosetag(name) {
        if (!current) return;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === `h${current.level}`) {
          const text = current.text.replace(/\s+/g, " ").trim();
          if (text) flat.push({ level: current.level, id: current.id, text });
          current = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();

  const toc: TocEntry[] = [];
  for (const h of flat) {
    const last = toc.at(-1);
    if (h.level === 3 && last?.level === 2) last.children.push({ ...h, children: [] });
    else toc.push({ ...h, children: [] });
  }
  return toc;
}
