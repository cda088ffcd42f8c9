import { describe, expect, it } from "vitest";
import { judge } from "./soak-goals";

const MB = 1024 * 1024;
const passes = (figures: Parameters<typeof judge>[0]) => judge(figures).map((verdict) => verdict.pass);

describe("judge", () => {
  it.each([
    ["a clean run, memory flat", { errors: 0, rssAfterFirstMinute: 200 * MB, rssAtEnd: 205 * MB }, [true, true]],
    [
      "a clean run, memory lower at the end",
      { errors: 0, rssAfterFirstMinute: 200 * MB, rssAtEnd: 150 * MB },
      [true, true],
    ],
    ["exactly 10% more", { errors: 0, rssAfterFirstMinute: 200 * MB, rssAtEnd: 220 * MB }, [true, true]],
    ["memory growing past 10%", { errors: 0, rssAfterFirstMinute: 200 * MB, rssAtEnd: 221 * MB }, [true, false]],
    ["one error", { errors: 1, rssAfterFirstMinute: 200 * MB, rssAtEnd: 200 * MB }, [false, true]],
    [
      "a run shorter than a minute",
      { errors: 0, rssAfterFirstMinute: undefined, rssAtEnd: 200 * MB },
      [true, undefined],
    ],
  ])("%s", (_case, figures, expected) => {
    expect(passes(figures)).toEqual(expected);
  });
});
