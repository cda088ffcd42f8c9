import { createHistogram } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import type { Result } from "./bench-phases";
import { formatSpeedUps, speedUpRow } from "./bench-report";

const result = (rate: number, errors = 0, others = 50): Result => ({
  measurement: { rate, latency: createHistogram(), errors },
  cpu: { server: 900, database: 100, loadGenerator: 100, others },
});

describe("speedUpRow", () => {
  it("judges the reads against 1.4× and leaves the other workloads without a goal", () => {
    const rows = [
      speedUpRow("GET one", { single: result(400), multiple: result(560), speedUp: 1.4 }),
      speedUpRow("GET list", { single: result(300), multiple: result(410), speedUp: 1.37 }),
      speedUpRow("PATCH complete", { single: result(300), multiple: result(300), speedUp: 1 }),
    ];
    expect(rows.map(({ goal, pass }) => [goal, pass])).toEqual([
      [1.4, true],
      [1.4, false],
      [undefined, undefined],
    ]);
  });

  it("judges the interleaved speed-up, not the ratio of the two sides' mean rates", () => {
    // The means say 1.5×; the slices, each against the one-process slices around it, say 1.3×.
    const row = speedUpRow("GET one", { single: result(400), multiple: result(600), speedUp: 1.3 });
    expect(row.pass).toBe(false);
  });

  it("fails a goal met with errors on either server", () => {
    const withErrors = (single: number, multiple: number) =>
      speedUpRow("GET one", { single: result(400, single), multiple: result(800, multiple), speedUp: 2 }).pass;
    expect([withErrors(0, 3), withErrors(3, 0), withErrors(0, 0)]).toEqual([false, false, true]);
  });
});

describe("formatSpeedUps", () => {
  it("prints both sides' rates with how busy the rest of the machine was, the speed-up and the verdict", () => {
    const table = formatSpeedUps(
      [speedUpRow("GET one", { single: result(400, 0, 120), multiple: result(600, 0, 30), speedUp: 1.5 })],
      2,
    );
    const [header, , line] = table.split("\n");
    expect(header).toMatch(/^workload\s+1 process req\/s\s+others %\s+2 processes req\/s\s+others %\s+speed-up/);
    expect(line?.split(/\s{2,}/)).toEqual(["GET one", "400", "12", "600", "3", "1.50×", "≥ 1.40×", "pass"]);
  });
});
