import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath, withNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/tasks", "/tasks"],
    ["/tasks?status=pending&q=milk", "/tasks?status=pending&q=milk"],
    ["/tasks#top", "/tasks#top"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [["/tasks", "/x"]],
    [""],
    ["tasks"],
    ["//evil.example/tasks"],
    ["/\\evil.example"],
    ["https://evil.example/tasks"],
    ["javascript:alert(1)"],
    ["/sign-in"],
    ["/sign-up?next=/tasks"],
    ["/api/tasks"],
  ])("falls back to the task list for %j", (input) => {
    expect(safeNextPath(input)).toBe(DEFAULT_NEXT_PATH);
  });
});

describe("withNextPath", () => {
  it("omits the default destination and encodes any other", () => {
    expect(withNextPath("/sign-in", "/tasks")).toBe("/sign-in");
    expect(withNextPath("/sign-up", "/tasks?status=completed")).toBe("/sign-up?next=%2Ftasks%3Fstatus%3Dcompleted");
  });
});
