import { describe, expect, it } from "vitest";
import { dueLabel } from "./due-label";

describe("dueLabel", () => {
  const today = "2026-12-01";

  it.each([
    ["2026-12-01", "Today", false],
    ["2026-12-02", "Tomorrow", false],
    ["2026-12-04", "Fri 4 Dec", false],
    ["2027-01-15", "Fri 15 Jan 2027", false],
    ["2026-11-30", "Overdue · 1 day", true],
    ["2026-11-29", "Overdue · 2 days", true],
    ["2025-12-01", "Overdue · 365 days", true],
  ])("%s is %j", (due, text, overdue) => {
    expect(dueLabel(due, today)).toEqual({ text, overdue });
  });
});
