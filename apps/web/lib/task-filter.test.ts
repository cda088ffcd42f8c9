import { describe, expect, it } from "vitest";
import { parseTaskFilter, taskFilterHref, taskListQuery, taskMatchesFilter } from "./task-filter";

describe("parseTaskFilter", () => {
  it.each([
    [{}, { status: "all", q: "", sort: "created" }],
    [{ status: "pending" }, { status: "pending", q: "", sort: "created" }],
    [
      { status: "completed", q: "  milk " },
      { status: "completed", q: "milk", sort: "created" },
    ],
    [{ status: "done" }, { status: "all", q: "", sort: "created" }],
    [{ status: ["pending", "completed"] }, { status: "pending", q: "", sort: "created" }],
    [
      { status: null, q: null },
      { status: "all", q: "", sort: "created" },
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
    [{ status: "all", q: "", sort: "created" }, "/tasks"],
    [{ status: "pending", q: "", sort: "created" }, "/tasks?status=pending"],
    [{ status: "all", q: "milk & eggs", sort: "created" }, "/tasks?q=milk+%26+eggs"],
    [{ status: "completed", q: "x", sort: "created" }, "/tasks?status=completed&q=x"],
  ] as const)("writes %j as %s", (filter, href) => {
    expect(taskFilterHref(filter)).toBe(href);
    expect(parseTaskFilter(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(filter);
  });
});

describe("taskMatchesFilter", () => {
  const task = { title: "Buy Milk", description: "from the corner shop", completed: false, due_date: null };

  it.each([
    [{ status: "all", q: "", sort: "created" }, true],
    [{ status: "pending", q: "", sort: "created" }, true],
    [{ status: "completed", q: "", sort: "created" }, false],
    [{ status: "all", q: "milk", sort: "created" }, true],
    [{ status: "all", q: "CORNER", sort: "created" }, true],
    [{ status: "all", q: "bread", sort: "created" }, false],
  ] as const)("%j → %s", (filter, expected) => {
    expect(taskMatchesFilter(task, filter, "2026-12-01")).toBe(expected);
  });
});

describe("views and sorts", () => {
  it.each([
    [{ status: "today", sort: "due" }, { status: "today", q: "", sort: "due" }, "/tasks?status=today&sort=due"],
    [{ status: "upcoming" }, { status: "upcoming", q: "", sort: "created" }, "/tasks?status=upcoming"],
    [{ sort: "manual" }, { status: "all", q: "", sort: "manual" }, "/tasks?sort=manual"],
    [{ sort: "random" }, { status: "all", q: "", sort: "created" }, "/tasks"],
  ] as const)("reads %j and writes it back", (params, filter, href) => {
    expect(parseTaskFilter(params)).toEqual(filter);
    expect(taskFilterHref(filter)).toBe(href);
  });

  it("asks the API for pending tasks by due date in Today and Upcoming", () => {
    expect(taskListQuery({ status: "today", q: "", sort: "due" })).toEqual({
      status: "pending",
      due: "overdue,today",
      sort: "due",
    });
    expect(taskListQuery({ status: "upcoming", q: "x", sort: "manual" })).toEqual({
      status: "pending",
      due: "upcoming",
      sort: "manual",
      q: "x",
    });
    expect(taskListQuery({ status: "completed", q: "", sort: "created" })).toEqual({
      status: "completed",
      sort: "created",
    });
  });

  it.each([
    ["2026-11-28", false, "today", true],
    ["2026-12-01", false, "today", true],
    ["2026-12-01", true, "today", false],
    ["2026-12-02", false, "today", false],
    [null, false, "today", false],
    ["2026-12-02", false, "upcoming", true],
    ["2026-12-08", false, "upcoming", true],
    ["2026-12-09", false, "upcoming", false],
    ["2026-12-01", false, "upcoming", false],
  ] as const)("a task due %s (completed: %s) is in %s: %s", (due_date, completed, status, expected) => {
    const task = { title: "t", description: null, completed, due_date };
    expect(taskMatchesFilter(task, { status, q: "", sort: "created" }, "2026-12-01")).toBe(expected);
  });
});
