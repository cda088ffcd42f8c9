import "server-only";
import { createHash } from "node:crypto";
import { waitUntil } from "@vercel/functions";
import { getDb } from "../db";

export interface AttemptDecision {
  allowed: boolean;
  /** Whole seconds until an attempt would be allowed again (0 when allowed). */
  retryAfter: number;
}

/** What is being counted: each kind has its own counts. */
export type AttemptKind = "sign-in" | "reset-password-mail" | "verification-mail";

const PURGE_INTERVAL_MS = 10 * 60_000;
/** Most rows one purge deletes: a short statement, however long the table grew. */
const PURGE_BATCH = 10_000;
const lastPurge = new Map<AttemptKind, number>();

/**
 * Counts one attempt of `kind` for `key` (an e-mail address), whichever
 * client sends it, and allows it when fewer than `max` were allowed in the
 * `windowSeconds` before it: a rolling window, so no turn of the clock hands
 * out a new allowance. Refused attempts are not counted. Counted in the
 * database, since these are few and must agree across instances; the key is
 * stored only as a hash. One statement: the upsert locks the key's row, so
 * concurrent attempts are decided one after the other.
 */
export async function takeAttempt(
  kind: AttemptKind,
  key: string,
  max: number,
  windowSeconds: number,
): Promise<AttemptDecision> {
  const now = Date.now();
  const since = now - windowSeconds * 1000;
  purgeAttemptsSoon(kind, windowSeconds, now);
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

/** The stored key of `kind` for an e-mail address: its hash, whatever its case or surrounding spaces. */
export function attemptKey(kind: AttemptKind, key: string): string {
  return `${kind}:${createHash("sha256").update(key.trim().toLowerCase()).digest("base64url")}`;
}

// Every address ever tried leaves a row, those that do not exist included: at
// most once per interval per process and kind, in the background of an attempt
// (no scheduler on serverless), the rows whose window has passed are deleted.
function purgeAttemptsSoon(kind: AttemptKind, windowSeconds: number, now: number): void {
  if (now - (lastPurge.get(kind) ?? 0) < PURGE_INTERVAL_MS) return;
  lastPurge.set(kind, now);
  waitUntil(
    purgeAttempts(kind, windowSeconds).catch((error: unknown) =>
      console.error(JSON.stringify({ level: "warn", message: "attempt purge failed", error: String(error) })),
    ),
  );
}

/**
 * Deletes up to `batch` rows of `kind` whose newest attempt is older than
 * `windowSeconds` by the database's clock; resolves to whether it deleted a
 * full batch, so more may be left.
 */
export async function purgeAttempts(kind: AttemptKind, windowSeconds: number, batch = PURGE_BATCH): Promise<boolean> {
  const deleted = await getDb().$executeRaw`
    DELETE FROM "attempt_log" WHERE "key" IN (
      SELECT "key" FROM "attempt_log"
      WHERE starts_with("key", ${`${kind}:`})
        AND "times"[cardinality("times")] < (extract(epoch FROM now()) * 1000)::bigint - ${windowSeconds * 1000}::bigint
      LIMIT ${batch}
    )`;
  return deleted >= batch;
}
