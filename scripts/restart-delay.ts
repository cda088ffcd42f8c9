const FIRST_DELAY_MS = 1_000;
const LONGEST_DELAY_MS = 30_000;
/** A worker that lived this long was healthy: the next restart is quick again. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * How long to wait before starting a worker in place of one that died:
 * 1 s, doubling while workers keep dying young, at most 30 s, and 1 s again
 * after one that had lived a minute.
 */
export function nextRestartDelay(previousDelayMs: number, livedMs: number): number {
  if (previousDelayMs === 0 || livedMs >= HEALTHY_AFTER_MS) return FIRST_DELAY_MS;
  return Math.min(previousDelayMs * 2, LONGEST_DELAY_MS);
}
