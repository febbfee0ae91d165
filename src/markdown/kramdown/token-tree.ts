// Helpers for working on markdown-it's flat token list as a tree: matching closers, classes, splicing.
import type { Token } from "markdown-it";

/** Index of the token that closes the opener at `open` (same level, nesting -1), or -1. */
export function closingIndex(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    depth += t.nesting;
    if (depth === 0) return i;
  }
  return -1;
}

export function classList(token: Token): string[] {
  return (token.attrGet("class") ?? "").split(/\s+/).filter(Boolean);
}

export function hasClass(token: Token, name: string): boolean {
  return classList(token).includes(name);
}

/** Replace the class attribute; an empty list removes it. */
export function setClassList(token: Token, classes: string[]): void {
  const unique = [...new Set(classes)];
  if (unique.length) token.attrSet("class", unique.join(" "));
  else removeAttr(token, "class");
}

export function removeAttr(token: Token, name: string): void {
  if (!token.attrs) return;
  token.attrs = token.attrs.filter(([key]) => key !== name);
  if (token.attrs.length === 0) token.attrs = null;
}

/** Shift the `level` of a token range, after it has been re-parented. */
export function shiftLevel(tokens: Token[], by: number): Token[] {
  for (const t of tokens) t.level += by;
  return tokens;
}
