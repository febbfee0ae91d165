import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { withPrefix } from "../../src/markdown/path-prefix.ts";
import { parseFragment } from "../helpers/html.ts";

describe("path prefix on writers' links", () => {
  it("prefixes root-relative links and images, once", () => {
    const md = createMarkdown({ pathPrefix: "/docs/" });
    const html = parseFragment(md.render("[a](/user-guide/x/#y) [b](/docs/already/) [c](https://e.com/x) [d](#frag) [e](rel/x) ![i](/img/a.png)\n"));
    expect([...html.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["/docs/user-guide/x/#y", "/docs/already/", "https://e.com/x", "#frag", "rel/x"]);
    expect(html.querySelector("img")?.getAttribute("src")).toBe("/docs/img/a.png");
  });
  it("leaves links alone without a prefix", () => {
    const html = parseFragment(createMarkdown().render("[a](/x/)\n"));
    expect(html.querySelector("a")?.getAttribute("href")).toBe("/x/");
  });
  it("handles the bare prefix and protocol-relative URLs", () => {
    expect(withPrefix("/docs", "/docs/")).toBe("/docs");
    expect(withPrefix("//cdn.example/x", "/docs/")).toBe("//cdn.example/x");
    expect(withPrefix("/x", "/")).toBe("/x");
  });
});
