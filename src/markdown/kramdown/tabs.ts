// Branching tabs (`<div class="branching-container">`, a `{:.branching-tabs}` link list, one `<div id>` per tab).
//
// Jekyll prints the writers' markup and a script turns it into tabs. We print markup that is
// usable as it is and that the theme's script upgrades to ARIA tabs.
//
// Without JavaScript (what this rule writes): a list of links to the panels, then each panel as an
// ordinary section headed by its label:
//   <div class="tabs branching-container" data-tabs>
//     <ul class="tabs-nav branching-tabs">
//       <li><a class="tabs-link" href="#k8s" id="tab-k8s">Kubernetes</a></li> …
//     </ul>
//     <section class="tabs-panel" id="k8s" aria-labelledby="tab-k8s">
//       <h3 class="tabs-panel-title">Kubernetes</h3> …the tab's content…
//     </section> …
//   </div>
// The panel title is one level below the heading before the tabs (h2 at the top of a page); it is
// not a `heading_open` token, so it gets no permalink and stays out of the TOC.
//
// With JavaScript (the theme's job, for every `[data-tabs]`): replace `ul.tabs-nav` by
//   <div role="tablist"><button type="button" role="tab" id="tab-k8s" aria-controls="k8s"
//     aria-selected="true" tabindex="0">Kubernetes</button> … (others aria-selected="false",
//     tabindex="-1")</div>
// give each section `role="tabpanel"` (its aria-labelledby already names the tab's id), hide the
// unselected panels with `hidden` and the `.tabs-panel-title` headings, and handle Left/Right/Home/
// End on the tab list. The tab ids are the link ids, so the labelling holds in both forms, and
// `#k8s` in the URL selects that tab.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { MarkdownReport } from "../../diagnostics/source-lines.ts";
import { classList, closingIndex, setClassList } from "./token-tree.ts";

const TAB_COMMENT = /^\s*<!--\s*tab:(start|end)\s*-->\s*$/;

interface TabLink {
  href: string;
  label: Token[];
  link: Token;
}

function tabLinks(tokens: Token[], from: number, to: number): TabLink[] {
  const links: TabLink[] = [];
  for (let i = from; i < to; i++) {
    const inline = tokens[i]!;
    if (inline.type !== "inline" || !inline.children) continue;
    const kids = inline.children;
    const start = kids.findIndex((k) => k.type === "link_open" && (k.attrGet("href") ?? "").startsWith("#"));
    if (start === -1) continue;
    const end = kids.findIndex((k, n) => n > start && k.type === "link_close");
    links.push({ href: kids[start]!.attrGet("href")!.slice(1), label: kids.slice(start + 1, end), link: kids[start]! });
  }
  return links;
}

function headingLevelBefore(tokens: Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type === "heading_open") return Number(t.tag.slice(1));
  }
  return 1;
}

function reshape(state: StateCore, tokens: Token[], open: number, close: number, report?: MarkdownReport): Token[] | undefined {
  const container = tokens[open]!;
  const level = container.level + 1;
  const navOpen = tokens.findIndex((t, n) => n > open && n < close && t.level === level && t.type === "bullet_list_open" && classList(t).includes("branching-tabs"));
  if (navOpen === -1) return undefined;
  const navClose = closingIndex(tokens, navOpen);
  const links = tabLinks(tokens, navOpen, navClose);
  const labels = new Map(links.map((l) => [l.href, l.label]));
  const panelIds = new Set<string>();
  const titleTag = `h${Math.min(6, Math.max(2, headingLevelBefore(tokens, open) + 1))}`;

  const wrapper = container;
  setClassList(wrapper, ["tabs", ...classList(container)]);
  wrapper.attrSet("data-tabs", "");

  const out: Token[] = [wrapper];
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.level !== level) continue;
    const end = t.nesting === 1 ? closingIndex(tokens, i) : i;
    if (i === navOpen) {
      setClassList(t, ["tabs-nav", ...classList(t)]);
      for (const l of links) {
        l.link.attrSet("id", `tab-${l.href}`);
        l.link.attrJoin("class", "tabs-link");
      }
    } else if (t.type === "html_block" && TAB_COMMENT.test(t.content)) {
      continue; // the writers' start/end markers have done their job
    } else if (t.type === "html_container_open" && t.attrGet("id")) {
      const id = t.attrGet("id")!;
      panelIds.add(id);
      t.type = "tabs_panel_open";
      t.tag = "section";
      setClassList(t, ["tabs-panel", ...classList(t)]);
      if (labels.has(id)) t.attrSet("aria-labelledby", `tab-${id}`);
      tokens[end]!.type = "tabs_panel_close";
      tokens[end]!.tag = "section";
      const titleOpen = new state.Token("tabs_panel_title_open", titleTag, 1);
      titleOpen.block = true;
      titleOpen.attrs = [["class", "tabs-panel-title"]];
      titleOpen.level = level + 1;
      const title = new state.Token("inline", "", 0);
      title.level = level + 2;
      title.children = labels.get(id) ?? [Object.assign(new state.Token("text", "", 0), { content: id })];
      const titleClose = new state.Token("tabs_panel_title_close", titleTag, -1);
      titleClose.block = true;
      titleClose.level = level + 1;
      out.push(t, titleOpen, title, titleClose, ...tokens.slice(i + 1, end + 1));
      i = end;
      continue;
    }
    out.push(...tokens.slice(i, end + 1));
    i = end;
  }
  out.push(tokens[close]!);
  for (const l of links) {
    if (panelIds.has(l.href)) continue;
    report?.(state.env, tokens[navOpen]!.map?.[0], {
      severity: "warning",
      code: "TABS_MISSING_PANEL",
      message: `tab "#${l.href}" has no panel: no <div id="${l.href}"> in this branching-container`,
      hint: `Add <div id="${l.href}"> … </div> between <!-- tab:start --> and <!-- tab:end -->, or fix the link.`,
    });
  }
  return out;
}

export function tabsRule(report?: MarkdownReport) {
  return function tabs(state: StateCore): void {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== "html_container_open" || !classList(t).includes("branching-container")) continue;
      const close = closingIndex(tokens, i);
      if (close === -1) continue;
      const replacement = reshape(state, tokens, i, close, report);
      if (replacement) tokens.splice(i, close - i + 1, ...replacement);
    }
  };
}

export function tabs(md: MarkdownIt, report?: MarkdownReport): void {
  md.core.ruler.push("kramdown_tabs", tabsRule(report));
}
