import { describe, expect, it } from "vitest";
import { nextRestartDelay } from "./restart-delay";

describe("nextRestartDelay", () => {
  it.each([
    [0, 100, 1_000], // the first death
    [1_000, 100, 2_000], // dying young again: doubles
    [16_000, 100, 30_000], // up to 30 s
    [30_000, 100, 30_000],
    [30_000, 60_000, 1_000], // after a minute of health: quick again
  ])("after %i ms, for a worker that lived %i ms: %i ms", (previous, lived, next) => {
    expect(nextRestartDelay(previous, lived)).toBe(next);
  });
});
