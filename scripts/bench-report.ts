// The table `npm run bench` prints: one row per workload and phase.
import type { CpuUse } from "./bench-cpu";
import type { Measurement } from "./bench-load";
import type { Result, SpeedUpResult } from "./bench-phases";

export type Phase = "closed" | "open";

export interface Row {
  workload: string;
  phase: Phase;
  measurement: Measurement;
  cpu: CpuUse | undefined;
  /** Throughput over the baseline's, closed phase only. */
  ratio: number | undefined;
  goal: string;
  /** Undefined where there is no goal to meet. */
  pass: boolean | undefined;
}

/** The open phase's goal: latency without queueing. */
export const OPEN_P99_GOAL_MS = 25;

export function closedRow(
  workload: string,
  { measurement, cpu }: Result,
  ratio: number | undefined,
  goal: number | undefined,
): Row {
  return {
    workload,
    phase: "closed",
    measurement,
    cpu,
    ratio,
    goal: goal === undefined ? "" : `≥ ${goal.toFixed(2)}×`,
    pass: goal === undefined || ratio === undefined ? undefined : ratio >= goal && measurement.errors === 0,
  };
}

export function openRow(workload: string, { measurement, cpu }: Result): Row {
  const p99 = measurement.latency.percentile(99) / 1000;
  return {
    workload,
    phase: "open",
    measurement,
    cpu,
    ratio: undefined,
    goal: `p99 ≤ ${OPEN_P99_GOAL_MS} ms`,
    pass: p99 <= OPEN_P99_GOAL_MS && measurement.errors === 0,
  };
}

const ms = (measurement: Measurement, percentile: number) =>
  (measurement.latency.percentile(percentile) / 1000).toFixed(2);

// CPU time per request (µs) of a consumer, and the share of one core used by
// processes that are not part of the benchmark.
const perRequest = (cpuMsPerSecond: number | undefined, rate: number) =>
  cpuMsPerSecond === undefined || rate === 0 ? "" : ((cpuMsPerSecond / rate) * 1000).toFixed(0);

const TEXT_COLUMNS = new Set([0, 1, 12, 13]);

export function formatTable(rows: Row[]): string {
  const header = [
    ...["workload", "phase", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
    ...["app µs/req", "db µs/req", "client µs/req", "others %", "ratio", "goal", "result"],
  ];
  const cells = rows.map(({ workload, phase, measurement, cpu, ratio, goal, pass }) => [
    workload,
    phase,
    measurement.rate.toFixed(0),
    ms(measurement, 50),
    ms(measurement, 95),
    ms(measurement, 99),
    String(measurement.errors),
    perRequest(cpu?.server, measurement.rate),
    perRequest(cpu?.database, measurement.rate),
    perRequest(cpu?.loadGenerator, measurement.rate),
    cpu === undefined ? "" : (cpu.others / 10).toFixed(0),
    ratio === undefined ? "" : `${ratio.toFixed(2)}×`,
    goal,
    pass === undefined ? "" : pass ? "pass" : "FAIL",
  ]);
  return alignTable(header, cells, TEXT_COLUMNS);
}

/** Columns padded to their widest cell, text to the left and numbers to the right, under a rule. */
function alignTable(header: string[], cells: string[][], textColumns: ReadonlySet<number>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return textColumns.has(column) ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}

/** One line of progress while the run goes on. */
export function formatProgress({ workload, phase, measurement }: Row): string {
  const { rate, errors } = measurement;
  return `${workload} ${phase}: ${rate.toFixed(0)} req/s, p99 ${ms(measurement, 99)} ms${errors ? `, ${errors} errors` : ""}`;
}

/** What N processes (on 2 cores) should serve over one: the reads, which scale best. */
export const SPEED_UP_GOALS: Readonly<Record<string, number>> = { "GET one": 1.4, "GET list": 1.4 };

export interface SpeedUp extends SpeedUpResult {
  workload: string;
  goal: number | undefined;
  pass: boolean | undefined;
}

/** A workload's speed-up judged against its goal; a goal met with errors on either server is failed. */
export function speedUpRow(workload: string, result: SpeedUpResult): SpeedUp {
  const goal = SPEED_UP_GOALS[workload];
  const clean = result.single.measurement.errors === 0 && result.multiple.measurement.errors === 0;
  return { workload, ...result, goal, pass: goal === undefined ? undefined : result.speedUp >= goal && clean };
}

const others = ({ cpu }: Result) => (cpu === undefined ? "" : (cpu.others / 10).toFixed(0));

export function formatSpeedUps(speedUpRows: SpeedUp[], processes: number): string {
  const header = [
    "workload",
    "1 process req/s",
    "others %",
    `${processes} processes req/s`,
    "others %",
    "speed-up",
    "goal",
    "result",
  ];
  const cells = speedUpRows.map(({ workload, single, multiple, speedUp, goal, pass }) => [
    workload,
    single.measurement.rate.toFixed(0),
    others(single),
    multiple.measurement.rate.toFixed(0),
    others(multiple),
    `${speedUp.toFixed(2)}×`,
    goal === undefined ? "" : `≥ ${goal.toFixed(2)}×`,
    pass === undefined ? "" : pass ? "pass" : "FAIL",
  ]);
  return alignTable(header, cells, new Set([0, 6, 7]));
}
