// The icon shortcode: one decorative inline SVG per name, hidden from assistive tech.
import { describe, expect, it } from "vitest";
import { icon } from "../../src/layouts/icons.ts";
import { parseFragment } from "../helpers/html.ts";

describe("icon", () => {
  it("draws the named icon as a decorative 20×20 SVG with the given class", () => {
    const svg = parseFragment(icon("menu", "icon icon--open")).querySelector("svg")!;
    expect(svg.getAttribute("class")).toBe("icon icon--open");
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.getAttribute("focusable")).toBe("false");
    expect([svg.getAttribute("width"), svg.getAttribute("height"), svg.getAttribute("viewBox")]).toEqual(["20", "20", "0 0 24 24"]);
    expect(svg.querySelector("path")!.getAttribute("d")).toBe("M4 6h16M4 12h16M4 18h16");
  });

  it("defaults the class to `icon`, escapes it, and draws nothing inside for an unknown name", () => {
    expect(parseFragment(icon("check")).querySelector("svg")!.getAttribute("class")).toBe("icon");
    expect(parseFragment(icon("check", 'a"><script>')).querySelector("svg")!.getAttribute("class")).toBe('a"><script>');
    const unknown = parseFragment(icon("nope")).querySelector("svg")!;
    expect(unknown.children).toHaveLength(0);
  });

  it("has every icon the layouts use", () => {
    for (const name of ["menu", "close", "sun", "moon", "github", "edit", "clock", "user", "arrow-left", "arrow-right", "check", "logo"]) {
      expect(parseFragment(icon(name)).querySelector("svg")!.children.length, name).toBeGreaterThan(0);
    }
  });
});
