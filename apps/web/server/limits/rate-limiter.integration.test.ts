// The per-user request limit as two server processes would run it: two
// limiters sharing one real PostgreSQL table through the app's own sync.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db";
import { purgeRateLimits, syncRateLimits } from "./api-rate-limit";
import { type RateLimitDelta, RateLimiter } from "./rate-limiter";

const limiter = (max: number, options: Partial<ConstructorParameters<typeof RateLimiter>[0]> = {}) =>
  new RateLimiter({ max, windowSeconds: 60, sync: syncRateLimits, ...options });

/**
 * A busy server process: while its sync's round trip lasts, it admits a few
 * more requests (5, as at about 1,000 requests a second), however slow the
 * database is on this machine at the moment; then it waits for the answer.
 */
function pacedProcess(max: number) {
  const OVERLAP = 5;
  let inFlight: Promise<unknown> | undefined;
  let overlapped = 0;
  const limit = limiter(max, {
    sync: (deltas) => {
      const answer = syncRateLimits(deltas);
      inFlight = answer;
      overlapped = 0;
      return answer;
    },
  });
  return {
    limit,
    async consume(key: string): Promise<boolean> {
      if (inFlight && overlapped >= OVERLAP) await inFlight;
      overlapped += 1;
      return limit.consume(key).allowed;
    },
  };
}

describe("RateLimiter", () => {
  it("counts down, then refuses until the window resets", async () => {
    let time = Date.UTC(2026, 11, 1, 10, 0, 0);
    const limit = limiter(3, { now: () => time });
    const key = randomUUID();
    expect([1, 2, 3, 4].map(() => limit.consume(key))).toMatchObject([
      { allowed: true, remaining: 2, resetSeconds: 60 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
      { allowed: false, remaining: 0 },
    ]);
    expect(limit.consume(randomUUID())).toMatchObject({ allowed: true, remaining: 2 });
    time += 59_500;
    expect(limit.consume(key)).toMatchObject({ allowed: false, resetSeconds: 1 });
    time += 500;
    expect(limit.consume(key)).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 60 });
    await limit.flush();
  });

  it("holds across two processes: together they admit the limit and at most 10% more", async () => {
    const max = 600;
    const [first, second] = [pacedProcess(max), pacedProcess(max)];
    const key = randomUUID();
    let admitted = 0;
    for (let index = 0; index < 2 * max; index++) {
      if (await (index % 2 === 0 ? first : second).consume(key)) admitted++;
    }
    await Promise.all([first.limit.flush(), second.limit.flush()]);
    expect(admitted).toBeGreaterThanOrEqual(max);
    expect(admitted).toBeLessThanOrEqual(max * 1.1);
    // Once synced, each process knows the other's count.
    expect(first.limit.consume(key).allowed).toBe(false);
    expect(second.limit.consume(key).allowed).toBe(false);
  });

  it("keeps deciding locally while the database is away, and syncs what it owes once it is back", async () => {
    let databaseUp = false;
    const synced: RateLimitDelta[] = [];
    const limit = limiter(5, {
      sync: async (deltas) => {
        if (!databaseUp) throw new Error("connect ECONNREFUSED");
        synced.push(...deltas);
        return deltas.map((delta) => delta.count);
      },
      onSyncError: () => {},
    });
    const key = randomUUID();
    expect([1, 2, 3].map(() => limit.consume(key).allowed)).toEqual([true, true, true]);
    await limit.flush();
    expect(synced).toEqual([]);
    databaseUp = true;
    await limit.flush();
    expect(synced.reduce((sum, delta) => sum + delta.count, 0)).toBe(3);
    expect(limit.consume(key)).toMatchObject({ allowed: true, remaining: 1 });
  });
});

describe("purging ended windows", () => {
  const MINUTE = 60_000;
  const rowsOf = (keys: string[]) =>
    getDb().apiRateLimit.findMany({ where: { key: { in: keys } }, select: { key: true } });

  it("deletes ended windows in the background of a sync, at most once per window", async () => {
    // Long ago, so that no other test's rows have ended by this clock.
    let time = Date.UTC(2020, 0, 1, 10, 0, 0);
    const [ended, current, counted] = [randomUUID(), randomUUID(), randomUUID()];
    await syncRateLimits([
      { key: ended, windowStart: time - 2 * MINUTE, windowEnd: time - MINUTE, count: 1 },
      { key: current, windowStart: time, windowEnd: time + MINUTE, count: 1 },
    ]);
    const purges: number[] = [];
    const limit = limiter(10, {
      now: () => time,
      purge: (endedBy) => {
        purges.push(endedBy);
        return purgeRateLimits(endedBy);
      },
    });
    limit.consume(counted);
    await limit.flush();
    expect((await rowsOf([ended, current, counted])).map((row) => row.key).sort()).toEqual([current, counted].sort());
    limit.consume(counted);
    await limit.flush();
    expect(purges).toHaveLength(1);
    time += MINUTE;
    limit.consume(counted);
    await limit.flush();
    expect(purges).toHaveLength(2);
  });

  it("deletes at most a batch of rows per statement, and says when more are left", async () => {
    const longAgo = Date.UTC(2019, 0, 1);
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    await syncRateLimits(keys.map((key) => ({ key, windowStart: longAgo, windowEnd: longAgo + MINUTE, count: 1 })));
    expect(await purgeRateLimits(longAgo + MINUTE, 2)).toBe(true);
    expect(await rowsOf(keys)).toHaveLength(1);
    expect(await purgeRateLimits(longAgo + MINUTE, 2)).toBe(false);
    expect(await rowsOf(keys)).toHaveLength(0);
  });
});

describe("settled", () => {
  it("resolves once the sync that carries every count admitted so far has answered", async () => {
    const answers: Array<() => void> = [];
    const synced: number[] = [];
    const limit = limiter(10, {
      flushThreshold: 100,
      syncIntervalMs: 60_000,
      sync: async (deltas) => {
        await new Promise<void>((resolve) => answers.push(resolve));
        synced.push(...deltas.map((delta) => delta.count));
        return deltas.map((delta) => delta.count);
      },
    });
    const key = randomUUID();
    limit.consume(key);
    const pending = limit.settled();
    void limit.flush();
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    // Everything admitted is on its way: that sync is the one to wait for.
    const inFlight = limit.settled();
    // Admitted while it is on its way: only the next sync carries it.
    limit.consume(key);
    const later = limit.settled();
    let laterDone = false;
    void later.then(() => {
      laterDone = true;
    });
    answers[0]?.();
    await Promise.all([pending, inFlight]);
    expect(synced).toEqual([1]);
    void limit.flush();
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(laterDone).toBe(false);
    answers[1]?.();
    await later;
    expect(synced).toEqual([1, 1]);
  });
});
