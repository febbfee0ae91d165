// The kramdown attribute-list grammar shared by block and span IALs: `.class`, `#id`, `key="v"`, `ref`.
//
// Mirrors kramdown's ALD_TYPE_ANY (parser/kramdown/extensions.rb): items are separated by
// whitespace; `.a.b#id` may be glued together. Unquoted values (`key=v`) are accepted as well,
// although kramdown silently drops them, because writers use them and mean the obvious thing.

export interface AttributeList {
  classes: string[];
  id?: string;
  /** Other attributes in source order; a repeated key keeps the last value (as kramdown does). */
  attrs: Array<[string, string]>;
  /** Bare names: references to ALDs (`{:toc}` is the TOC marker). */
  refs: string[];
}

export type ParseResult = { ok: true; list: AttributeList } | { ok: false; bad: string };

const ID_NAME = String.raw`[A-Za-z][\w:-]*`;
const CLASS_NAME = String.raw`[^\s.#]+`;
const KEY = String.raw`\w[\w-]*`;

const KEY_QUOTED = new RegExp(String.raw`^(${KEY})=(["'])((?:\\\}|\\\2|(?!\2).)*?)\2(?=\s|$)`);
const KEY_UNQUOTED = new RegExp(String.raw`^(${KEY})=([^\s"']+)(?=\s|$)`);
const ID_OR_CLASS_MULTI = new RegExp(String.raw`^(?:#${ID_NAME}|\.${CLASS_NAME})+(?=\s|$)`);
const ID_OR_CLASS = new RegExp(String.raw`#(${ID_NAME})|\.(${CLASS_NAME})`, "g");
const REF = new RegExp(String.raw`^${KEY}(?=\s|$)`);

export function emptyAttributeList(): AttributeList {
  return { classes: [], attrs: [], refs: [] };
}

/** Parse the text between `{:` and `}`. Anything kramdown would not read is a failure. */
export function parseAttributeList(source: string): ParseResult {
  const list = emptyAttributeList();
  let rest = source.trim();
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if ((m = KEY_QUOTED.exec(rest))) {
      const [, key = "", quote = "", value = ""] = m;
      setAttr(list, key, value.replace(new RegExp(String.raw`\\([}${quote}])`, "g"), "$1"));
    } else if ((m = KEY_UNQUOTED.exec(rest))) {
      setAttr(list, m[1] ?? "", m[2] ?? "");
    } else if ((m = ID_OR_CLASS_MULTI.exec(rest))) {
      for (const [, id, cls] of m[0].matchAll(ID_OR_CLASS)) {
        if (id) list.id = id;
        if (cls) list.classes.push(cls);
      }
    } else if ((m = REF.exec(rest))) {
      list.refs.push(m[0]);
    } else {
      return { ok: false, bad: rest.split(/\s/, 1)[0] ?? rest };
    }
    rest = rest.slice(m[0].length).trimStart();
  }
  return { ok: true, list };
}

function setAttr(list: AttributeList, key: string, value: string): void {
  // kramdown: `class="…"` replaces the classes read so far in the same list.
  if (key === "class") list.classes = value.split(/\s+/).filter(Boolean);
  else if (key === "id") list.id = value;
  else {
    list.attrs = list.attrs.filter(([k]) => k !== key);
    list.attrs.push([key, value]);
  }
}

/** Merge `from` into `into` (later lists win for id and attributes; classes accumulate). */
export function mergeAttributeLists(into: AttributeList, from: AttributeList): void {
  into.classes.push(...from.classes);
  if (from.id !== undefined) into.id = from.id;
  for (const [k, v] of from.attrs) {
    into.attrs = into.attrs.filter(([name]) => name !== k);
    into.attrs.push([k, v]);
  }
  into.refs.push(...from.refs);
}

/** Token attribute marking a list written as `* TOC` + `{:toc}`: the TOC rule replaces that list. */
export const TOC_MARKER_ATTR = "data-kramdown-toc";

/** The shape of a markdown-it token that attributes are set on. */
interface AttributeTarget {
  attrJoin(name: string, value: string): void;
  attrSet(name: string, value: string): void;
}

/**
 * Set a parsed list on a token: classes are joined to existing ones, id and attributes replace.
 * Only the `toc` reference is understood here; other references must be resolved before.
 */
export function applyAttributeList(token: AttributeTarget, list: AttributeList): void {
  for (const cls of list.classes) token.attrJoin("class", cls);
  if (list.id !== undefined) token.attrSet("id", list.id);
  for (const [k, v] of list.attrs) token.attrSet(k, v);
  if (list.refs.includes("toc")) token.attrSet(TOC_MARKER_ATTR, "");
}
