import { createHistogram } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { closedRow, formatSpeedUps, openRow, type Row, speedUps } from "./bench-report";

const cpu = (others: number) => ({ server: 900, database: 100, loadGenerator: 100, others });
const closed = (workload: string, rate: number, errors = 0, others = 50): Row =>
  closedRow(workload, { measurement: { rate, latency: createHistogram(), errors }, cpu: cpu(others) }, 1, undefined);
const open = (workload: string, rate: number): Row =>
  openRow(workload, { measurement: { rate, latency: createHistogram(), errors: 0 }, cpu: undefined });

describe("speedUps", () => {
  it("divides each workload's closed-loop rate with N processes by its rate with one", () => {
    const single = [closed("baseline", 500), open("baseline", 250), closed("GET one", 400), closed("POST", 300)];
    const multiple = [closed("baseline", 900), open("baseline", 450), closed("GET one", 580), closed("POST", 330)];
    const rows = speedUps(single, multiple);
    expect(rows.map(({ workload, speedUp }) => [workload, speedUp])).toEqual([
      ["baseline", 1.8],
      ["GET one", 1.45],
      ["POST", 1.1],
    ]);
  });

  it("judges the reads against 1.4× and leaves the other workloads without a goal", () => {
    const single = [closed("GET one", 400), closed("GET list", 300), closed("PATCH complete", 300)];
    const multiple = [closed("GET one", 560), closed("GET list", 410), closed("PATCH complete", 300)];
    expect(speedUps(single, multiple).map(({ goal, pass }) => [goal, pass])).toEqual([
      [1.4, true],
      [1.4, false],
      [undefined, undefined],
    ]);
  });

  it("fails a goal whose rate came with errors, and skips a workload measured in one run only", () => {
    const rows = speedUps([closed("GET one", 400), closed("POST", 300)], [closed("GET one", 800, 3)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.pass).toBe(false);
  });
});

describe("formatSpeedUps", () => {
  it("prints both rates with how busy the rest of the machine was, the speed-up and the verdict", () => {
    const table = formatSpeedUps(speedUps([closed("GET one", 400, 0, 120)], [closed("GET one", 600, 0, 30)]), 2);
    const [header, , line] = table.split("\n");
    expect(header).toMatch(/^workload\s+1 process req\/s\s+others %\s+2 processes req\/s\s+others %\s+speed-up/);
    expect(line?.split(/\s{2,}/)).toEqual(["GET one", "400", "12", "600", "3", "1.50×", "≥ 1.40×", "pass"]);
  });
});
