import "server-only";
import { waitUntil } from "@vercel/functions";
import { getDb } from "../db";
import { getEnv } from "../env";
import { ApiError } from "../http/api-error";
import { type RateLimitDecision, type RateLimitDelta, RateLimiter, rateLimitHeaders } from "./rate-limiter";

// One limiter per process: Next bundles the route handlers and the pages'
// server actions (the add form's) apart, each with its own copy of this
// module, and separate counts would each admit the whole limit.
const globalForLimits = globalThis as typeof globalThis & { todoApiLimiter?: RateLimiter };

/** Most rows one purge deletes: a short statement, however long the table grew. */
const PURGE_BATCH = 10_000;

/**
 * Counts one /api/tasks* request of `userId` against the per-user limit and
 * returns the RateLimit headers for its answer; past the limit it throws the
 * contract's 429. Decided in memory: the database only hears of it in the
 * background.
 */
export function takeApiRequest(userId: string): Record<string, string> {
  globalForLimits.todoApiLimiter ??= createLimiter();
  const limiter = globalForLimits.todoApiLimiter;
  const decision = limiter.consume(`tasks:${userId}`);
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) throw tooManyRequests(decision, headers);
  // On Vercel the instance may be frozen once the answer is sent, with this
  // count still waiting for the sync's timer: keep it alive until the count is
  // in the database (a no-op elsewhere). Not Next's after(): that would start
  // the sync only after the answer and needs a request scope; this leaves the
  // timing to the limiter and only extends the instance's life.
  waitUntil(limiter.settled());
  return headers;
}

function tooManyRequests(decision: RateLimitDecision, headers: Record<string, string>): ApiError {
  return new ApiError(429, "Too many requests", { ...headers, "Retry-After": String(decision.resetSeconds) });
}

function createLimiter(): RateLimiter {
  const env = getEnv();
  return new RateLimiter({
    max: env.API_RATE_LIMIT_MAX,
    windowSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS,
    sync: syncRateLimits,
    purge: (endedBy) => purgeRateLimits(endedBy),
    onSyncError: (error) =>
      console.error(JSON.stringify({ level: "warn", message: "rate-limit sync failed", error: String(error) })),
  });
}

/** Adds each delta to the shared counts; one statement for the whole batch. */
export async function syncRateLimits(deltas: RateLimitDelta[]): Promise<number[]> {
  const keys = deltas.map((delta) => delta.key);
  const rows = await getDb().$queryRaw<Array<{ key: string; count: number }>>`
    INSERT INTO "api_rate_limit" AS l ("key", "window_start", "window_end", "count")
    SELECT * FROM unnest(${keys}::text[], ${deltas.map((delta) => delta.windowStart)}::bigint[],
                         ${deltas.map((delta) => delta.windowEnd)}::bigint[], ${deltas.map((delta) => delta.count)}::integer[])
    ON CONFLICT ("key", "window_start") DO UPDATE SET "count" = l."count" + excluded."count"
    RETURNING "key", "count"`;
  const totals = new Map(rows.map((row) => [row.key, row.count]));
  return keys.map((key) => totals.get(key) ?? 0);
}

/**
 * Deletes up to `batch` rows of windows that ended by `endedBy` (epoch ms),
 * in one statement; resolves to whether it deleted a full batch, so more may be left.
 */
export async function purgeRateLimits(endedBy: number, batch = PURGE_BATCH): Promise<boolean> {
  const deleted = await getDb().$executeRaw`
    DELETE FROM "api_rate_limit"
    WHERE ("key", "window_start") IN (
      SELECT "key", "window_start" FROM "api_rate_limit" WHERE "window_end" <= ${endedBy} LIMIT ${batch}
    )`;
  return deleted >= batch;
}
