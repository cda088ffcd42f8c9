import "server-only";
import { getDb } from "../db";
import { getEnv } from "../env";
import { ApiError } from "../http/api-error";
import { type RateLimitDecision, type RateLimitDelta, RateLimiter, rateLimitHeaders } from "./rate-limiter";

let limiter: RateLimiter | undefined;

/**
 * Counts one /api/tasks* request of `userId` against the per-user limit and
 * returns the RateLimit headers for its answer; past the limit it throws the
 * contract's 429. Decided in memory: the database only hears of it in the
 * background.
 */
export function takeApiRequest(userId: string): Record<string, string> {
  limiter ??= createLimiter();
  const decision = limiter.consume(`tasks:${userId}`);
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) throw tooManyRequests(decision, headers);
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
    onSyncError: (error) =>
      console.error(JSON.stringify({ level: "warn", message: "rate-limit sync failed", error: String(error) })),
  });
}

/** Adds each delta to the shared counts; one statement for the whole batch. */
export async function syncRateLimits(deltas: RateLimitDelta[]): Promise<number[]> {
  const keys = deltas.map((delta) => delta.key);
  const rows = await getDb().$queryRaw<Array<{ key: string; count: number }>>`
    INSERT INTO "api_rate_limit" AS l ("key", "window_start", "count")
    SELECT * FROM unnest(${keys}::text[], ${deltas.map((delta) => delta.windowStart)}::bigint[],
                         ${deltas.map((delta) => delta.count)}::integer[])
    ON CONFLICT ("key", "window_start") DO UPDATE SET "count" = l."count" + excluded."count"
    RETURNING "key", "count"`;
  const totals = new Map(rows.map((row) => [row.key, row.count]));
  return keys.map((key) => totals.get(key) ?? 0);
}
