// Checks for the fixtures where we render differently from Jekyll on purpose (`<!-- ours: KIND -->`).
//
// Each kind asserts our markup, and where it can, turns our markup back into Jekyll's form
// (`toJekyll`) so the rest of the fixture is still compared with kramdown structurally.
import { expect } from "vitest";

export interface OursCheck {
  /** Assertions on our rendering; `kramdown` is the real kramdown's rendering of the same fixture. */
  check(ours: HTMLElement, kramdown: HTMLElement): void;
  /** Undo our form into Jekyll's, for the structural comparison; none: only `check` applies. */
  toJekyll?(root: HTMLElement): void;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

const LABELS: Record<string, string> = { note: "Note", important: "Important", tip: "Tip", warning: "Warning", read: "Read" };

const callout: OursCheck = {
  check(ours, kramdown) {
    const boxes = [...kramdown.querySelectorAll(".info-box")];
    const asides = [...ours.querySelectorAll("aside.callout")];
    expect(asides.length).toBe(boxes.length);
    boxes.forEach((box, n) => {
      const kind = [...box.classList].find((c) => c in LABELS)!;
      const aside = asides[n]!;
      expect([...aside.classList]).toEqual(expect.arrayContaining(["callout", `callout-${kind}`, "info-box", kind]));
      expect(aside.getAttribute("role")).toBe("note");
      expect(aside.getAttribute("aria-label")).toBe(LABELS[kind]);
      const title = aside.firstElementChild!;
      expect(title.matches("p.callout-title")).toBe(true);
      expect(text(title)).toBe(LABELS[kind]);
      // Everything after the label is the writer's block, with the same text.
      expect(text(title.nextElementSibling)).toBe(text(box));
      expect(title.nextElementSibling!.tagName).toBe(box.tagName);
    });
  },
  toJekyll(root) {
    for (const aside of [...root.querySelectorAll("aside.callout")]) {
      const kinds = [...aside.classList].filter((c) => c === "info-box" || c in LABELS);
      aside.querySelector(".callout-title")!.remove();
      aside.firstElementChild!.classList.add(...kinds);
      unwrap(aside);
    }
  },
};

const HEADINGS = "h1, h2, h3, h4, h5, h6";

/**
 * The level our step headings should have, from kramdown's page: one below the heading before the
 * tasklist, not counting an earlier tasklist's steps (h2 when none: the layout's title is the h1), at most 6.
 */
function stepLevel(kramdown: HTMLElement, div: Element): number {
  let before = 1;
  for (const e of kramdown.querySelectorAll(`${HEADINGS}, div.tasklist`)) {
    if (e === div) break;
    if (e.matches(HEADINGS) && !e.closest("div.tasklist")) before = Number(e.tagName.slice(1));
  }
  return Math.min(6, before + 1);
}

const tasklist: OursCheck = {
  check(ours, kramdown) {
    for (const div of kramdown.querySelectorAll("div.tasklist")) {
      const headings = [...div.querySelectorAll(":scope > h5")];
      const list = ours.querySelector(`ol.steps:has(> li > [id="${headings[0]!.id}"])`);
      expect(list, "an <ol class=steps> whose first step is the first heading").not.toBeNull();
      const steps = [...list!.querySelectorAll(":scope > li.step")];
      expect(steps.map((s) => s.firstElementChild!.id)).toEqual(headings.map((h) => h.id));
      const level = stepLevel(kramdown, div);
      steps.forEach((step, n) => {
        // The writer's ##### printed one level below the section the procedure is in, out of the layout's TOC.
        const heading = step.firstElementChild!;
        expect(heading.tagName, `step ${n + 1} of the tasklist before "${text(headings[0])}"`).toBe(`H${level}`);
        expect(heading.classList.contains("no_toc")).toBe(true);
        // A step holds its heading and everything up to the next heading.
        let expected = "";
        for (let e: Element | null = headings[n]!; e && (e === headings[n] || e.tagName !== "H5"); e = e.nextElementSibling) {
          expected += ` ${e.textContent}`;
        }
        expect(text(step)).toBe(expected.replace(/\s+/g, " ").trim());
      });
    }
  },
  toJekyll(root) {
    for (const ol of [...root.querySelectorAll("ol.steps")]) {
      const doc = ol.ownerDocument;
      const div = doc.createElement("div");
      div.className = "tasklist";
      for (const li of [...ol.children]) {
        // Back to the writer's #####, without the class we add.
        const heading = li.firstElementChild!;
        const h5 = doc.createElement("h5");
        for (const name of heading.getAttributeNames()) h5.setAttribute(name, heading.getAttribute(name)!);
        h5.classList.remove("no_toc");
        if (!h5.classList.length) h5.removeAttribute("class");
        h5.append(...heading.childNodes);
        heading.replaceWith(h5);
        div.append(...li.childNodes);
      }
      ol.replaceWith(div);
    }
  },
};

const tabs: OursCheck = {
  check(ours, kramdown) {
    for (const container of kramdown.querySelectorAll("div.branching-container")) {
      const links = [...container.querySelectorAll("ul.branching-tabs a")];
      const panels = [...container.querySelectorAll(":scope > div[id]")];
      const box = ours.querySelector("div.tabs[data-tabs]");
      expect(box, "a <div class=tabs data-tabs>").not.toBeNull();
      // Without JS: a plain list of links to the sections.
      const nav = [...box!.querySelectorAll(":scope > ul.tabs-nav > li > a")];
      expect(nav.map((a) => [a.getAttribute("href"), text(a)])).toEqual(links.map((a) => [a.getAttribute("href"), text(a)]));
      const sections = [...box!.querySelectorAll(":scope > section.tabs-panel")];
      expect(sections.map((s) => s.id)).toEqual(panels.map((p) => p.id));
      sections.forEach((section, n) => {
        const tab = ours.querySelector(`[id="${section.getAttribute("aria-labelledby")}"]`);
        expect(tab?.getAttribute("href")).toBe(`#${section.id}`);
        const title = section.firstElementChild!;
        expect(title.matches("h2, h3, h4, h5, h6")).toBe(true);
        expect(text(title)).toBe(text(tab));
        expect(text(section).slice(text(title).length).trim()).toBe(text(panels[n]));
      });
    }
  },
};

const paramlist: OursCheck = {
  check(ours, kramdown) {
    for (const table of kramdown.querySelectorAll("table.paramlist")) {
      const rows = [...table.querySelectorAll("tbody tr")];
      const dl = ours.querySelector("dl.paramlist");
      expect(dl, "a <dl class=paramlist>").not.toBeNull();
      const names = [...dl!.querySelectorAll(":scope > dt")];
      expect(names.length).toBe(rows.length);
      rows.forEach((row, n) => {
        const cells = [...row.children];
        // The name cell's badge markup differs; its name text and the description must not.
        expect(text(names[n]!)).toContain(text(cells[0]).split(" ")[0]!);
        expect(text(names[n]!.nextElementSibling)).toContain(text(cells[1]));
        expect(!!names[n]!.querySelector(".required-param")).toBe(!!cells[0]!.querySelector(".required-param"));
        const fallback = cells[0]!.querySelector(".default-param code");
        if (fallback) expect(text(names[n]!.querySelector(".default-param code"))).toBe(text(fallback));
      });
    }
  },
};

const details: OursCheck = {
  check(ours) {
    const summary = ours.querySelector("details > summary");
    expect(summary).not.toBeNull();
    expect(summary!.querySelector("em")).not.toBeNull();
    expect(text(summary)).toBe("Show the configuration");
    // The body is outside the summary, parsed as Markdown.
    expect(ours.querySelector("details > p > strong")).not.toBeNull();
    expect(ours.textContent).not.toContain("</summary>");
  },
};

export const OURS: Record<string, OursCheck> = { callout, tasklist, tabs, paramlist, details };
