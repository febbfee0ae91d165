// Reduces rendered HTML to the structure the kramdown differential test compares.
//
// Kept: elements, and of their attributes only id, class, href and src; text with whitespace
// collapsed. Dropped on purpose, because they are presentation and not content structure:
// comments, `style` (table alignment is written differently by each), ARIA and `rel` attributes,
// the heading permalink anchors we add, syntax-highlighting markup (Rouge's wrapper divs, Prism's
// token spans) and the `language-*`/`highlighter-rouge` classes. A code block becomes
// `<pre data-lang="…">text</pre>` on both sides, keeping the writer's own classes.
import { parseFragment } from "../helpers/html.ts";

const KEPT_ATTRIBUTES = ["id", "class", "href", "src", "data-lang"];
const DROPPED_CLASSES = /^(language-.*|highlighter-rouge|highlight|line-numbers)$/;
const BLOCK_LANGS_WITHOUT_NAME = new Set(["", "plaintext", "text", "plain", "none"]);

export interface Node {
  tag: string;
  attrs: [string, string][];
  children: (Node | string)[];
}

function languageOf(el: Element | null, stop: Element): string {
  for (let e = el; e; e = e.parentElement) {
    const lang = [...e.classList].find((c) => c.startsWith("language-"))?.slice("language-".length);
    if (lang) return lang;
    if (e === stop) break;
  }
  return "";
}

/** Replace every code block (with whatever wrapper highlighting put around it) by a plain `pre`. */
function canonicalCodeBlocks(root: HTMLElement): void {
  for (const pre of [...root.querySelectorAll("pre")]) {
    if (!pre.isConnected) continue;
    const wrapper =
      (pre.closest("div.highlighter-rouge") as Element | null) ?? (pre.closest("figure") as Element | null) ?? pre;
    const code = pre.querySelector("code");
    const lang = languageOf(code, wrapper) || languageOf(pre, wrapper);
    const classes = new Set<string>();
    for (let e: Element | null = code ?? pre; e; e = e.parentElement) {
      for (const c of e.classList) if (!DROPPED_CLASSES.test(c) && !c.startsWith("code-") && c !== "code") classes.add(c);
      if (e === wrapper) break;
    }
    const doc = pre.ownerDocument;
    const out = doc.createElement("pre");
    out.setAttribute("data-lang", BLOCK_LANGS_WITHOUT_NAME.has(lang) ? "" : lang);
    if (classes.size) out.setAttribute("class", [...classes].join(" "));
    out.textContent = (code ?? pre).textContent ?? "";
    wrapper.replaceWith(out);
  }
}

/** Our heading permalinks (markdown-it-anchor, right after each heading) have no counterpart in kramdown. */
function dropHeadingAnchors(root: HTMLElement): void {
  for (const a of [...root.querySelectorAll("a.heading-anchor")]) a.remove();
}

function toNode(el: Element): Node {
  const attrs: [string, string][] = [];
  for (const name of KEPT_ATTRIBUTES) {
    let value = el.getAttribute(name);
    if (value === null) continue;
    if (name === "class") {
      value = value.split(/\s+/).filter((c) => c && !DROPPED_CLASSES.test(c)).sort().join(" ");
      if (!value) continue;
    }
    if (name === "href" || name === "id") value = safeDecode(value);
    attrs.push([name, value]);
  }
  // Adjacent text nodes (the parser may split text at entities) are one text.
  const raw: (Node | string)[] = [];
  for (const child of el.childNodes) {
    if (child.nodeType === 1) raw.push(toNode(child as Element));
    else if (child.nodeType === 3) {
      const last = raw[raw.length - 1];
      if (typeof last === "string") raw[raw.length - 1] = last + (child.textContent ?? "");
      else raw.push(child.textContent ?? "");
    }
  }
  const children = raw
    .map((c) => (typeof c === "string" ? c.replace(/\s+/g, " ").trim() : c))
    .filter((c) => c !== "");
  return { tag: el.tagName.toLowerCase(), attrs, children };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parse a fragment with highlighting markup and heading permalinks already taken out. */
export function parseContent(html: string): HTMLElement {
  const root = parseFragment(html);
  canonicalCodeBlocks(root);
  dropHeadingAnchors(root);
  return root;
}

/** Parse and normalise a fragment of content HTML; `prepare` may reshape the DOM first. */
export function normalise(html: string, prepare?: (root: HTMLElement) => void): Node {
  const root = parseContent(html);
  prepare?.(root);
  return toNode(root);
}

/** One line per element and text, indented by depth: readable in a failing test's diff. */
export function serialise(node: Node, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${v}"`).join("");
  const lines = [`${pad}<${node.tag}${attrs}>`];
  for (const child of node.children) {
    lines.push(typeof child === "string" ? `${pad}  ${JSON.stringify(child)}` : serialise(child, depth + 1));
  }
  return lines.join("\n");
}

export function structure(html: string, prepare?: (root: HTMLElement) => void): string {
  return serialise(normalise(html, prepare));
}
