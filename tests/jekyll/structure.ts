// A page's content as comparable structure: headings with ids, paragraphs, links, list items, tables, code.
//
// Whitespace is normalised; our own additions inside the content (heading anchor links) are left out.
const BLOCKS = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "P", "LI", "TH", "TD", "PRE", "BLOCKQUOTE", "DT", "DD"]);

const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

export function contentStructure(root: Element): string[] {
  const out: string[] = [];
  const visit = (el: Element) => {
    if (el.classList.contains("heading-anchor")) return;
    const tag = el.tagName.toUpperCase();
    if (/^H[1-6]$/.test(tag)) out.push(`${tag.toLowerCase()}#${el.id}: ${text(el)}`);
    else if (BLOCKS.has(tag)) out.push(`${tag.toLowerCase()}: ${textWithoutAnchors(el)}`);
    else if (tag === "A" && el.getAttribute("href")) out.push(`a[href=${el.getAttribute("href")}]: ${text(el)}`);
    else if (tag === "DIV" && el.className) out.push(`div.${el.className.split(/\s+/).sort().join(".")}`);
    for (const child of Array.from(el.children)) visit(child);
  };
  for (const child of Array.from(root.children)) visit(child);
  return out;
}

function textWithoutAnchors(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const a of Array.from(clone.querySelectorAll(".heading-anchor"))) a.remove();
  return text(clone);
}
