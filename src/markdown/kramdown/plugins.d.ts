// Types for the two markdown-it plugins that ship without declarations (deflist, footnote).
declare module "markdown-it-deflist" {
  import type { PluginSimple } from "markdown-it";
  const deflist: PluginSimple;
  export default deflist;
}

declare module "markdown-it-footnote" {
  import type { PluginSimple } from "markdown-it";
  const footnote: PluginSimple;
  export default footnote;
}

// markdown-it's own block rules, re-registered by paragraph-end.ts with kramdown's terminators.
declare module "markdown-it/lib/rules_block/*.mjs" {
  import type { StateBlock } from "markdown-it";
  const rule: (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
  export default rule;
}
