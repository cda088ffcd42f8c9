import { describe, expect, it } from "vitest";
import { parseTaskFilter, taskFilterHref, taskMatchesFilter } from "./task-filter";

describe("parseTaskFilter", () => {
  it.each([
    [{}, { status: "all", q: "" }],
    [{ status: "pending" }, { status: "pending", q: "" }],
    [
      { status: "completed", q: "  milk " },
      { status: "completed", q: "milk" },
    ],
    [{ status: "done" }, { status: "all", q: "" }],
    [{ status: ["pending", "completed"] }, { status: "pending", q: "" }],
    [
      { status: null, q: null },
      { status: "all", q: "" },
    ],
  ])("reads %j", (params, expected) => {
    expect(parseTaskFilter(params)).toEqual(expected);
  });

  it("caps the search text at 200 code points", () => {
    expect([...parseTaskFilter({ q: "😀".repeat(250) }).q]).toHaveLength(200);
  });
});

describe("taskFilterHref", () => {
  it.each([
    [{ status: "all", q: "" }, "/tasks"],
    [{ status: "pending", q: "" }, "/tasks?status=pending"],
    [{ status: "all", q: "milk & eggs" }, "/tasks?q=milk+%26+eggs"],
    [{ status: "completed", q: "x" }, "/tasks?status=completed&q=x"],
  ] as const)("writes %j as %s", (filter, href) => {
    expect(taskFilterHref(filter)).toBe(href);
    expect(parseTaskFilter(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(filter);
  });
});

describe("taskMatchesFilter", () => {
  const task = { title: "Buy Milk", description: "from the corner shop", completed: false };

  it.each([
    [{ status: "all", q: "" }, true],
    [{ status: "pending", q: "" }, true],
    [{ status: "completed", q: "" }, false],
    [{ status: "all", q: "milk" }, true],
    [{ status: "all", q: "CORNER" }, true],
    [{ status: "all", q: "bread" }, false],
  ] as const)("%j → %s", (filter, expected) => {
    expect(taskMatchesFilter(task, filter)).toBe(expected);
  });
});
