// The load generator of `npm run bench`: a closed loop (N connections, each
// sends its next request when the previous one answers) and an open loop
// (requests leave on a fixed schedule whatever the server does, and latency is
// counted from the scheduled time, so a stalled server cannot hide its stall:
// no coordinated omission). undici keeps the client's own CPU cost low, which
// matters because it shares the machine with the server it measures.
import { createHistogram, performance, type RecordableHistogram } from "node:perf_hooks";
import type { Dispatcher, Pool } from "undici";

export type Request = Dispatcher.RequestOptions;

export interface Measurement {
  /** Responses completed per second within the measured window. */
  rate: number;
  /** Latency in microseconds. */
  latency: RecordableHistogram;
  /** Responses that were not 2xx, and requests that failed outright. */
  errors: number;
}

/** Sends one request and reads its whole body; resolves to whether it succeeded. */
async function send(pool: Pool, request: Request): Promise<boolean> {
  try {
    const { statusCode, body } = await pool.request(request);
    await body.dump();
    return statusCode >= 200 && statusCode < 300;
  } catch {
    return false;
  }
}

function recordMicros(histogram: RecordableHistogram, fromMs: number, toMs: number): void {
  histogram.record(Math.max(1, Math.round((toMs - fromMs) * 1000)));
}

/** `connections` workers, each with one request in flight at a time: the throughput phase. */
export async function closedLoop(
  pool: Pool,
  next: () => Request,
  connections: number,
  durationMs: number,
): Promise<Measurement> {
  const latency = createHistogram();
  let completed = 0;
  let errors = 0;
  const end = performance.now() + durationMs;

  // Throughput counts the answers within the window; the last requests'
  // answers, after it, only add to the latency figures.
  const worker = async () => {
    for (let sent = performance.now(); sent < end; sent = performance.now()) {
      const ok = await send(pool, next());
      const done = performance.now();
      recordMicros(latency, sent, done);
      if (done <= end) {
        completed++;
        if (!ok) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { rate: completed / (durationMs / 1000), latency, errors };
}

/**
 * Requests at a fixed `rate` per second: the latency phase. Timers fire with
 * about 1 ms granularity, so requests leave in small bursts at most that late;
 * the lateness is part of the measured latency, never hidden.
 */
export async function openLoop(
  pool: Pool,
  next: () => Request,
  rate: number,
  durationMs: number,
): Promise<Measurement> {
  const latency = createHistogram();
  let completed = 0;
  let errors = 0;
  const interval = 1000 / rate;
  const start = performance.now();
  const end = start + durationMs;
  const inFlight = new Set<Promise<void>>();

  const launch = (scheduled: number) => {
    const request = send(pool, next()).then((ok) => {
      inFlight.delete(request);
      recordMicros(latency, scheduled, performance.now());
      completed++;
      if (!ok) errors++;
    });
    inFlight.add(request);
  };

  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      for (let scheduled = start + sent * interval; scheduled <= now; scheduled = start + sent * interval) {
        if (scheduled >= end) return resolve();
        sent++;
        launch(scheduled);
      }
      setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  return { rate: completed / (durationMs / 1000), latency, errors };
}
