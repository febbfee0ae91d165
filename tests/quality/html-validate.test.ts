// html-validate (recommended rules, .htmlvalidate.json) on every page of the built guide.
import fs from "node:fs";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGuide, type BuiltGuide } from "./guide.ts";

interface Finding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
  selector: string | null;
}

/**
 * Errors in markup that another stage owns, waiting on its fix. Each names the fix; an entry that
 * no longer matches anything fails the suite, so the list can only shrink.
 */
const OWNED_ELSEWHERE: Array<{ ruleId: string; selector: RegExp; owner: string; fix: string }> = [];

const CONFIG = JSON.parse(fs.readFileSync(path.resolve(".htmlvalidate.json"), "utf8")) as Record<string, unknown>;

let guide: BuiltGuide;
let findings: Finding[];

describe("html-validate on every page of the guide", () => {
  beforeAll(async () => {
    guide = await buildGuide();
    const validator = new HtmlValidate(new StaticConfigLoader(CONFIG));
    findings = [];
    for (const file of guide.htmlFiles) {
      const report = await validator.validateString(fs.readFileSync(path.join(guide.output, file), "utf8"), file);
      for (const result of report.results) {
        for (const m of result.messages as Message[]) {
          // Severity 2 is an error; the recommended preset reports nothing at warning level here.
          if (m.severity === 2) findings.push({ file, line: m.line, ruleId: m.ruleId, message: m.message, selector: m.selector });
        }
      }
    }
  });
  afterAll(() => guide?.cleanup());

  it("validates every built page, the home page and the 404 page among them", () => {
    expect(guide.htmlFiles).toContain("index.html");
    expect(guide.htmlFiles).toContain("404.html");
    expect(guide.htmlFiles.length).toBeGreaterThan(20);
  });

  it("finds no errors", () => {
    const owned = (f: Finding) => OWNED_ELSEWHERE.some((k) => k.ruleId === f.ruleId && k.selector.test(f.selector ?? ""));
    const errors = findings.filter((f) => !owned(f)).map((f) => `${f.file}:${f.line}: ${f.ruleId}: ${f.message} (${f.selector ?? ""})`);
    expect(errors, errors.join("\n")).toEqual([]);
  });

  it("still needs each entry of the owned-elsewhere list", () => {
    const stale = OWNED_ELSEWHERE.filter((k) => !findings.some((f) => f.ruleId === k.ruleId && k.selector.test(f.selector ?? "")));
    expect(stale.map((k) => `${k.owner}: fixed (${k.fix}); remove the entry`)).toEqual([]);
  });

  it("reports a known-bad page (the validator is really running with our config)", async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(CONFIG));
    const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><ul aria-label="x"><li>a</li></ul></main></body></html>', "bad.html");
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toContain("aria-label-misuse");
  });
});
