// Info boxes (`{:.info-box.note}` under a block) rendered as accessible callouts with a visible label.
//
// Jekyll prints `<p class="info-box note">`. We wrap the marked block instead:
//   <aside class="callout callout-note info-box note" role="note" aria-label="Note">
//     <p class="callout-title">Note</p>
//     <p>…the writer's block, without the info-box classes…</p>
//   </aside>
// `info-box` and the kind stay on the aside: they are the writers' contract and themes style them.
// The attribute line is applied by the IAL rule (src/markdown/index.ts); this rule runs after it.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { MarkdownReport } from "../../diagnostics/source-lines.ts";
import { classList, closingIndex, setClassList, shiftLevel } from "./token-tree.ts";

export const CALLOUT_KINDS = { note: "Note", important: "Important", tip: "Tip", warning: "Warning", read: "Read" } as const;
export type CalloutKind = keyof typeof CALLOUT_KINDS;

function isKind(name: string): name is CalloutKind {
  return Object.hasOwn(CALLOUT_KINDS, name);
}

function calloutTokens(state: StateCore, kind: CalloutKind, block: Token): [Token[], Token] {
  const label = CALLOUT_KINDS[kind];
  const open = new state.Token("callout_open", "aside", 1);
  open.block = true;
  open.map = block.map;
  open.level = block.level;
  open.attrs = [
    ["class", ["callout", `callout-${kind}`, "info-box", kind].join(" ")],
    ["role", "note"],
    ["aria-label", label],
  ];
  const titleOpen = new state.Token("paragraph_open", "p", 1);
  titleOpen.block = true;
  titleOpen.attrs = [["class", "callout-title"]];
  titleOpen.level = block.level + 1;
  const title = new state.Token("inline", "", 0);
  title.content = label;
  title.level = block.level + 2;
  const text = new state.Token("text", "", 0);
  text.content = label;
  title.children = [text];
  const titleClose = new state.Token("paragraph_close", "p", -1);
  titleClose.block = true;
  titleClose.level = block.level + 1;
  const close = new state.Token("callout_close", "aside", -1);
  close.block = true;
  close.level = block.level;
  return [[open, titleOpen, title, titleClose], close];
}

export function calloutRule(report?: MarkdownReport) {
  return function callouts(state: StateCore): void {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const block = tokens[i]!;
      if (block.nesting !== 1 || block.type === "callout_open") continue;
      const classes = classList(block);
      if (!classes.includes("info-box")) continue;
      const kinds = classes.filter(isKind);
      const kind: CalloutKind = kinds[0] ?? "note";
      if (kinds.length !== 1) {
        report?.(state.env, block.map?.[0], {
          severity: "warning",
          code: "CALLOUT_KIND",
          message: kinds.length
            ? `info box has more than one kind (${kinds.join(", ")}); using "${kind}"`
            : `info box has no kind; rendering it as a note`,
          hint: `Give it exactly one of: ${Object.keys(CALLOUT_KINDS).map((k) => `{:.info-box.${k}}`).join(", ")}.`,
        });
      }
      const close = closingIndex(tokens, i);
      if (close === -1) continue;
      // Only the callout classes move to the aside; any other class stays on the writer's block.
      setClassList(block, classes.filter((c) => c !== "info-box" && !isKind(c)));
      const [before, after] = calloutTokens(state, kind, block);
      shiftLevel(tokens.slice(i, close + 1), 1);
      tokens.splice(close + 1, 0, after);
      tokens.splice(i, 0, ...before);
      i += before.length;
    }
  };
}

export function callout(md: MarkdownIt, report?: MarkdownReport): void {
  md.core.ruler.push("kramdown_callout", calloutRule(report));
}
