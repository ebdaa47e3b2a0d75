import { describe, expect, it } from "vitest";
import { csvTemplate, desiredFromCsv, isFormulaCell, MAX_CSV_ROWS } from "./csv";

const teams = new Map([
  ["payments", "t-pay"],
  ["platform", "t-plat"],
]);
const teamOf = (cell: string) => teams.get(cell.toLowerCase()) ?? null;

describe("desiredFromCsv", () => {
  it("reads the template it offers", () => {
    const { desired, problems } = desiredFromCsv(csvTemplate(), "template.csv", teamOf);
    expect(problems).toEqual([]);
    expect(desired.map((d) => [d.name, d.teamId, d.tier, d.place.line])).toEqual([
      ["checkout-api", "t-pay", "critical", 2],
      ["status-page", "t-plat", null, 3],
    ]);
  });

  it("names the line of every refused row: formula cells, unknown teams and tiers, bad addresses", () => {
    const content = [
      "Name,Team,Tier,Description,Repository_URL",
      "ok,payments,low,,",
      '"=HYPERLINK(""http://evil"")",payments,,,',
      "two,nowhere,,,",
      "three,payments,urgent,,",
      '"multi',
      'line",payments,,"@SUM(A1)",',
      "four,payments,,,ftp://example.com",
    ].join("\n");
    const { desired, problems } = desiredFromCsv(content, "s.csv", teamOf);
    expect(desired.map((d) => d.name)).toEqual(["ok"]);
    expect(problems.map((p) => [p.place.line, p.reason.slice(0, 30)])).toEqual([
      [3, 'The name cell starts with "=",'],
      [4, 'No team "nowhere".'],
      [5, 'Tier "urgent" is not one of cr'],
      [6, "The description cell starts wi"],
      [8, "repositoryUrl: Enter an http(s"],
    ]);
  });

  it("refuses a file whose header is not the template's, or that is not CSV at all", () => {
    expect(desiredFromCsv("service,owner\na,b\n", "x.csv", teamOf).problems[0]!.reason).toMatch(/unknown: service, owner/);
    expect(desiredFromCsv('name,team\n"open,payments\n', "x.csv", teamOf).problems[0]!.reason).toMatch(/Not a readable CSV file/);
  });

  it("refuses more rows than it reads in one import", () => {
    const content = `name,team\n${Array.from({ length: MAX_CSV_ROWS + 5 }, (_, i) => `s${i},payments`).join("\n")}\n`;
    const { desired, problems } = desiredFromCsv(content, "big.csv", teamOf);
    expect(desired).toEqual([]);
    expect(problems).toEqual([{ place: { file: "big.csv", line: MAX_CSV_ROWS + 2 }, reason: `More than ${MAX_CSV_ROWS} rows; split the file.` }]);
  });

  it("knows the cells spreadsheets evaluate", () => {
    expect(["=1", "+1", "-1", "@x", "\tx", "\rx"].every(isFormulaCell)).toBe(true);
    expect(["a=1", "1", " x", ""].some(isFormulaCell)).toBe(false);
  });
});
