import "server-only";
import { getDb } from "../db";
import { type AttemptDecision, type AttemptKind, attemptKey } from "./take-attempt";

/**
 * Counts one attempt of `kind` for `key` (an e-mail address) and allows it
 * when fewer than `max` were allowed in the `windowSeconds` before it: a
 * rolling window, so no turn of a clock hour hands out a new allowance.
 * Refused attempts are not counted. One statement: the upsert locks the key's
 * row, so concurrent attempts are decided one after the other.
 */
export async function takeRollingAttempt(
  kind: AttemptKind,
  key: string,
  max: number,
  windowSeconds: number,
): Promise<AttemptDecision> {
  const now = Date.now();
  const since = now - windowSeconds * 1000;
  // A key's first attempt is always allowed (max is at least 1).
  const [row] = await getDb().$queryRaw<Array<{ times: bigint[]; allowed: boolean }>>`
    INSERT INTO "attempt_log" AS l ("key", "times", "last_allowed")
    VALUES (${attemptKey(kind, key)}, ARRAY[${now}]::bigint[], TRUE)
    ON CONFLICT ("key") DO UPDATE SET
      "times" = ARRAY(SELECT t FROM unnest(l."times") AS t WHERE t > ${since}::bigint ORDER BY t)
        || CASE WHEN (SELECT count(*) FROM unnest(l."times") AS t WHERE t > ${since}::bigint) < ${max}::integer
                THEN ARRAY[${now}]::bigint[] ELSE ARRAY[]::bigint[] END,
      "last_allowed" = (SELECT count(*) FROM unnest(l."times") AS t WHERE t > ${since}::bigint) < ${max}::integer
    RETURNING "times", "last_allowed" AS allowed`;
  if (!row) throw new Error("attempt_log: the upsert returned no row");
  // Refused: free again once the oldest allowed attempt leaves the window.
  const oldest = Number(row.times[0] ?? now);
  const retryAfter = row.allowed ? 0 : Math.max(1, Math.ceil((oldest - since) / 1000));
  return { allowed: row.allowed, retryAfter };
}
