import { describe, expect, it } from "vitest";
import { planFindings } from "./plan";
import { dueState } from "./due";
import { dueDateFor } from "./sla";

describe("planning findings on approval", () => {
  it("opens, re-confirms, reopens and resolves, one finding per item", () => {
    const steps = planFindings(
      [
        { itemId: "F01-A", status: "not_met", severity: "high" },
        { itemId: "F01-B", status: "partially_met", severity: "low" },
        { itemId: "F01-C", status: "not_met", severity: "critical" },
        { itemId: "F01-D", status: "met", severity: "medium" },
        { itemId: "F01-E", status: "not_applicable", severity: "medium" },
        { itemId: "F01-F", status: "met", severity: "medium" },
      ],
      [
        { id: "b", itemId: "F01-B", status: "risk_accepted" },
        { id: "c-old", itemId: "F01-C", status: "resolved" },
        { id: "d", itemId: "F01-D", status: "in_progress" },
        { id: "e", itemId: "F01-E", status: "open" },
        { id: "f", itemId: "F01-F", status: "resolved" },
      ],
    );
    expect(steps).toEqual([
      { kind: "open", itemId: "F01-A", severity: "high", partially: false },
      { kind: "reconfirm", findingId: "b", itemId: "F01-B", partially: true },
      { kind: "reopen", findingId: "c-old", itemId: "F01-C", severity: "critical", partially: false },
      { kind: "resolve", findingId: "d", itemId: "F01-D" },
      { kind: "resolve", findingId: "e", itemId: "F01-E" },
    ]);
  });

  it("prefers the live finding when an item has a resolved one too", () => {
    const steps = planFindings(
      [{ itemId: "F02-A", status: "not_met", severity: "low" }],
      [
        { id: "live", itemId: "F02-A", status: "open" },
        { id: "old", itemId: "F02-A", status: "resolved" },
      ],
    );
    expect(steps).toEqual([{ kind: "reconfirm", findingId: "live", itemId: "F02-A", partially: false }]);
  });
});

describe("due dates", () => {
  it("follow the default policy: 7, 30, 90 and 180 days", () => {
    const opened = new Date("2026-01-01T00:00:00Z");
    expect(
      ["critical", "high", "medium", "low"].map((s) =>
        dueDateFor(s as never, opened)
          .toISOString()
          .slice(0, 10),
      ),
    ).toEqual(["2026-01-08", "2026-01-31", "2026-04-01", "2026-06-30"]);
  });
});

describe("due state", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  it("is overdue after the date, due soon within a week, due before that", () => {
    expect(dueState({ status: "open", dueDate: at(-0.01) }, now)).toBe("overdue");
    expect(dueState({ status: "in_progress", dueDate: at(7) }, now)).toBe("due_soon");
    expect(dueState({ status: "open", dueDate: at(7.1) }, now)).toBe("due");
  });
  it("does not apply to resolved or accepted findings, or without a date", () => {
    expect(dueState({ status: "resolved", dueDate: at(-30) }, now)).toBe("none");
    expect(dueState({ status: "risk_accepted", dueDate: at(-30) }, now)).toBe("none");
    expect(dueState({ status: "open", dueDate: null }, now)).toBe("none");
  });
});

describe("the findings filter", () => {
  it("reads the address bar, with defaults", async () => {
    const { parseFindingFilter, findingFilterQuery } = await import("./filter");
    expect(parseFindingFilter({})).toEqual({ status: "active", sort: "due", dir: "asc", page: 1 });
    const filter = parseFindingFilter({
      team: "payments",
      factor: "3",
      severity: "high",
      overdue: "1",
      owner: "me",
      sort: "severity",
      dir: "desc",
      page: ["2", "9"],
    });
    expect(filter).toMatchObject({ team: "payments", factor: 3, severity: "high", overdue: true, owner: "me", sort: "severity", dir: "desc", page: 2 });
    expect(findingFilterQuery(filter)).toBe("?team=payments&factor=3&severity=high&owner=me&overdue=1&sort=severity&dir=desc&page=2");
  });

  it("drops what it cannot use instead of failing", async () => {
    const { parseFindingFilter } = await import("./filter");
    expect(
      parseFindingFilter({
        team: "'; DROP TABLE",
        factor: "13",
        severity: "urgent",
        status: "gone",
        owner: "<script>",
        page: "-4",
        sort: "random",
        openedFrom: "2026-02-30",
        resolvedTo: "yesterday",
      }),
    ).toEqual({
      status: "active",
      sort: "due",
      dir: "asc",
      page: 1,
    });
  });

  it("bounds a range of days in UTC, both days included", async () => {
    const { parseFindingFilter, findingFilterQuery, dayStart, dayAfter } = await import("./filter");
    const filter = parseFindingFilter({ openedFrom: "2026-01-01", openedTo: "2026-03-31" });
    expect(findingFilterQuery(filter)).toBe("?openedFrom=2026-01-01&openedTo=2026-03-31");
    expect(dayStart(filter.openedFrom!).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(dayAfter(filter.openedTo!).toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(dayAfter("2028-02-28").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", async () => {
    const { csvLine } = await import("./csv");
    expect(csvLine(["plain", 'say "hi"', "a,b", "line\nbreak", null, 3, new Date("2026-01-02T03:04:05Z")])).toBe(
      'plain,"say ""hi""","a,b","line\nbreak",,3,2026-01-02T03:04:05.000Z\r\n',
    );
    expect(csvLine(['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", " padded "])).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'-2,'@SUM(A1)," padded "\r\n`);
  });
});
