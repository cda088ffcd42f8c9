// The table `npm run bench` prints: one row per workload and phase.
import type { CpuUse } from "./bench-cpu";
import type { Measurement } from "./bench-load";
import type { Result } from "./bench-phases";

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

export interface SpeedUp {
  workload: string;
  single: Row;
  multiple: Row;
  /** The closed loop's req/s with N processes over its req/s with one. */
  speedUp: number;
  goal: number | undefined;
  pass: boolean | undefined;
}

/** Pairs the closed-loop rows of the one-process run with the N-process run's, workload by workload. */
export function speedUps(single: Row[], multiple: Row[]): SpeedUp[] {
  return single.flatMap((one) => {
    const many = multiple.find((row) => row.workload === one.workload && row.phase === "closed");
    if (one.phase !== "closed" || !many) return [];
    const speedUp = one.measurement.rate > 0 ? many.measurement.rate / one.measurement.rate : 0;
    const goal = SPEED_UP_GOALS[one.workload];
    const clean = one.measurement.errors === 0 && many.measurement.errors === 0;
    return [
      {
        workload: one.workload,
        single: one,
        multiple: many,
        speedUp,
        goal,
        pass: goal === undefined ? undefined : speedUp >= goal && clean,
      },
    ];
  });
}

const others = (row: Row) => (row.cpu === undefined ? "" : (row.cpu.others / 10).toFixed(0));

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
