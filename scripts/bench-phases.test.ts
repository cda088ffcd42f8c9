import { createHistogram } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { alternate, interleavedRatio, type Result } from "./bench-phases";

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

describe("alternate", () => {
  it("runs the reference around every measured slice and cancels a machine that slows down meanwhile", async () => {
    // Each slice finds the machine 10 % slower than the one before; the
    // measured side always serves 1.5× what the reference would at that moment.
    const order: string[] = [];
    let speed = 1000;
    const slice = (name: string, factor: number) => async (): Promise<Result> => {
      order.push(name);
      const rate = speed * factor;
      speed *= 0.9;
      return { measurement: { rate, latency: createHistogram(), errors: 0 }, cpu: undefined };
    };
    const { reference, measured, ratio } = await alternate(3, slice("1", 1), slice("N", 1.5));
    expect(order.join(" ")).toBe("1 N 1 N 1 N 1");
    expect([reference.length, measured.length]).toEqual([4, 3]);
    // Within 1 %; the same slices run side after side (four on 1, then three on N) say 1.03×.
    expect(ratio).toBeCloseTo(1.5 / ((1 + 0.9 ** 2) / 2 / 0.9), 6);
    expect(Math.abs(ratio - 1.5)).toBeLessThan(0.015);
  });
});
