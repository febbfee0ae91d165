// Parameter lists (fixtures), the required/default badges outside them, and paramlist diagnostics.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFragment } from "../helpers/html.ts";
import { runFixtures } from "./fixture-runner.ts";
import { renderWithReports } from "./report.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
runFixtures(path.join(fixtures, "paramlist.md"));
runFixtures(path.join(fixtures, "badges.md"));

const intro = "# API\n\nSome text.\n\n"; // the table starts on body line 4

describe("paramlist diagnostics", () => {
  it("a paramlist without a header row is an error at the table's line", () => {
    const { reports } = renderWithReports(`${intro}| service | Name. |\n| limit | Count. |\n{:.paramlist}\n`);
    expect(reports).toEqual([{ code: "PARAMLIST_NO_HEADER", line: 4, severity: "error" }]);
  });

  it("an empty header row counts as no header", () => {
    const { reports } = renderWithReports(`${intro}|  |  |\n|---|---|\n| service | Name. |\n{:.paramlist}\n`);
    expect(reports).toEqual([{ code: "PARAMLIST_NO_HEADER", line: 4, severity: "error" }]);
  });

  it("an empty parameter name is an error at the table's line; the row still renders, without an id", () => {
    const { html, reports } = renderWithReports(
      `${intro}| Parameter | Description |\n|---|---|\n| service | Name. |\n| <span class="required-param"></span> | Nameless. |\n{:.paramlist}\n`,
    );
    expect(reports).toEqual([{ code: "PARAMLIST_EMPTY_NAME", line: 4, severity: "error" }]);
    const dts = parseFragment(html).querySelectorAll("dl.paramlist > dt");
    expect(dts.length).toBe(2);
    expect(dts[1]!.hasAttribute("id")).toBe(false);
    expect(dts[1]!.querySelector(".required-param")?.textContent).toBe("Required");
  });

  it("a parameter listed twice is a warning; both rows render with unique ids", () => {
    const { html, reports } = renderWithReports(
      `${intro}| Parameter | Description |\n|---|---|\n| service | One. |\n| \`service\` | Two. |\n{:.paramlist}\n`,
    );
    expect(reports).toEqual([{ code: "PARAMLIST_DUPLICATE", line: 4, severity: "warning" }]);
    const ids = [...parseFragment(html).querySelectorAll("dt")].map((dt) => dt.id);
    expect(ids).toEqual(["param-service", "param-service-1"]);
  });

  it("a correct paramlist reports nothing", () => {
    const { reports } = renderWithReports(`${intro}| Parameter | Description |\n|---|---|\n| a | b |\n{:.paramlist}\n`);
    expect(reports).toEqual([]);
  });
});
