// The phases of `npm run bench` for one workload: a closed loop for
// throughput and an open loop for latency, each after a warm-up of its own
// kind, with the CPU each process used during the measured part; and the
// closed loop against two servers in turns, for the speed-up of one over the
// other.
import { createHistogram } from "node:perf_hooks";
import type { Pool } from "undici";
import { type CpuUse, startCpuWatch } from "./bench-cpu";
import { closedLoop, type Measurement, openLoop, type Request } from "./bench-load";

export interface PhaseSettings {
  pool: Pool;
  /** The server measured: the process started (one server process, or a cluster's primary). */
  serverPid: number;
  /** Every app server alive, measured or idle, as started: none of them counts as the database. */
  appServers: readonly number[];
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Baseline slices interleaved with a workload's closed loop; 0 for none. */
  slices: number;
}

export interface Result {
  measurement: Measurement;
  cpu: CpuUse | undefined;
}

async function watched(settings: PhaseSettings, run: () => Promise<Measurement>): Promise<Result> {
  const stop = startCpuWatch(settings.serverPid, settings.appServers);
  const measurement = await run();
  return { measurement, cpu: stop?.() };
}

const closed = (settings: PhaseSettings, next: () => Request) => (ms: number) =>
  closedLoop(settings.pool, next, settings.connections, ms);

export async function closedPhase(settings: PhaseSettings, next: () => Request): Promise<Result> {
  const run = closed(settings, next);
  if (settings.warmupMs > 0) await run(settings.warmupMs);
  return watched(settings, () => run(settings.durationMs));
}

export async function openPhase(settings: PhaseSettings, next: () => Request, rate: number): Promise<Result> {
  const run = (ms: number) => openLoop(settings.pool, next, rate, ms);
  if (settings.warmupMs > 0) await run(settings.warmupMs);
  return watched(settings, () => run(settings.durationMs));
}

/**
 * The closed loop in slices that alternate with the baseline's (B W B W … B).
 * Each slice's throughput is compared with the mean of the two baseline slices
 * around it, and the ratio is the median of those: the speed of a shared
 * machine drifts by tens of percent within minutes, and this cancels the drift
 * that a baseline measured once, minutes earlier, would leave in.
 */
export async function closedAgainstBaseline(
  settings: PhaseSettings,
  next: () => Request,
  baseline: () => Request,
): Promise<Result & { ratio: number }> {
  const run = closed(settings, next);
  const runBaseline = closed(settings, baseline);
  const sliceMs = settings.durationMs / settings.slices;
  if (settings.warmupMs > 0) await run(settings.warmupMs);
  const { measured, ratio } = await alternate(
    settings.slices,
    async () => ({ measurement: await runBaseline(sliceMs), cpu: undefined }),
    () => watched(settings, () => run(sliceMs)),
  );
  return { ...merge(measured), ratio };
}

export interface SpeedUpResult {
  /** The closed loop on each server, its slices merged. */
  single: Result;
  multiple: Result;
  /** `multiple`'s throughput over `single`'s, drift cancelled as in closedAgainstBaseline. */
  speedUp: number;
}

/**
 * The closed loop against two servers of the same app on the same data, in
 * slices that alternate (S M S M … S, at least one M slice even with
 * `slices` 0): each M slice's throughput over the mean of the S slices around
 * it, the median of those. Two runs minutes apart would carry whatever else
 * the machine did meanwhile into the speed-up; alternating slices share it.
 */
export async function closedSpeedUp(
  single: PhaseSettings,
  multiple: PhaseSettings,
  next: () => Request,
): Promise<SpeedUpResult> {
  const runSingle = closed(single, next);
  const runMultiple = closed(multiple, next);
  const slices = Math.max(1, single.slices);
  const sliceMs = single.durationMs / slices;
  if (single.warmupMs > 0) {
    await runSingle(single.warmupMs);
    await runMultiple(single.warmupMs);
  }
  const { reference, measured, ratio } = await alternate(
    slices,
    () => watched(single, () => runSingle(sliceMs)),
    () => watched(multiple, () => runMultiple(sliceMs)),
  );
  return { single: merge(reference), multiple: merge(measured), speedUp: ratio };
}

/** `slices` slices of `measured` between slices of `reference` (R M R … M R), and their interleaved ratio. */
export async function alternate(
  slices: number,
  runReference: () => Promise<Result>,
  runMeasured: () => Promise<Result>,
): Promise<{ reference: Result[]; measured: Result[]; ratio: number }> {
  const reference = [await runReference()];
  const measured: Result[] = [];
  for (let slice = 0; slice < slices; slice++) {
    measured.push(await runMeasured());
    reference.push(await runReference());
  }
  const rates = (results: Result[]) => results.map(({ measurement }) => measurement.rate);
  return { reference, measured, ratio: interleavedRatio(rates(measured), rates(reference)) };
}

/**
 * The median over a workload's slices of its rate against the mean of the
 * baseline slices on either side (`baseline` has one more slice, B W B … W B).
 */
export function interleavedRatio(workload: number[], baseline: number[]): number {
  if (workload.length === 0 || baseline.length !== workload.length + 1) {
    throw new Error("each workload slice needs a baseline slice on either side");
  }
  return median(workload.map((rate, slice) => rate / (((baseline[slice] ?? 0) + (baseline[slice + 1] ?? 0)) / 2)));
}

// Slices of equal length: rates and CPU figures average, counts add up.
function merge(parts: Result[]): Result {
  const latency = createHistogram();
  for (const { measurement } of parts) latency.add(measurement.latency);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const cpus = parts.flatMap(({ cpu }) => (cpu ? [cpu] : []));
  return {
    measurement: {
      rate: mean(parts.map(({ measurement }) => measurement.rate)),
      latency,
      errors: parts.reduce((sum, { measurement }) => sum + measurement.errors, 0),
    },
    cpu:
      cpus.length === parts.length
        ? {
            server: mean(cpus.map((cpu) => cpu.server)),
            database: mean(cpus.map((cpu) => cpu.database)),
            loadGenerator: mean(cpus.map((cpu) => cpu.loadGenerator)),
            others: mean(cpus.map((cpu) => cpu.others)),
          }
        : undefined,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
