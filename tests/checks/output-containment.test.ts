// S1: nothing is ever written outside the output folder, whatever makes the path.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertInsideOutput, OutputEscapeError } from "../../src/checks/output-containment.ts";
import { makeTempDir } from "../helpers/site.ts";

describe("assertInsideOutput", () => {
  it("accepts paths inside the output folder, including ones whose folders don't exist yet", () => {
    const out = makeTempDir("out-");
    expect(() => assertInsideOutput(out, path.join(out, "a/b/index.html"), "p.md")).not.toThrow();
  });
  it("refuses a path that resolves outside", () => {
    const out = makeTempDir("out-");
    expect(() => assertInsideOutput(out, path.join(out, "../escape.html"), "p.md")).toThrow(OutputEscapeError);
  });
  it("refuses a path whose folder is a symlink leading outside", () => {
    const root = makeTempDir("out-");
    const out = path.join(root, "site");
    fs.mkdirSync(out);
    fs.mkdirSync(path.join(root, "elsewhere"));
    fs.symlinkSync(path.join(root, "elsewhere"), path.join(out, "link"));
    expect(() => assertInsideOutput(out, path.join(out, "link/page.html"), "p.md")).toThrow(/outside the output folder/);
  });
});

