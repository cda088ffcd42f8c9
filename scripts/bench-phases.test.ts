import { describe, expect, it } from "vitest";
import { interleavedRatio } from "./bench-phases";

describe("interleavedRatio", () => {
  it("compares each slice with the baseline slices on either side, so drift cancels", () => {
    // The machine slows from 1000 to 600 req/s; the workload is always 60 % of it.
    expect(interleavedRatio([540, 420], [1000, 800, 600])).toBeCloseTo(0.6);
  });

  it("is the median of the slices: one disturbed slice does not move it", () => {
    expect(interleavedRatio([500, 100, 500, 500], [1000, 1000, 1000, 1000, 1000])).toBe(0.5);
    expect(interleavedRatio([400, 600], [1000, 1000, 1000])).toBe(0.5);
  });

  it("refuses slices without a baseline slice on either side", () => {
    expect(() => interleavedRatio([500, 500], [1000, 1000])).toThrow(/either side/);
    expect(() => interleavedRatio([], [1000])).toThrow(/either side/);
  });
});
