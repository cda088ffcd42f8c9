import "server-only";
import { waitUntil } from "@vercel/functions";
import { getDb } from "../db";

/** Deletions stay in the changes feed this long; a cursor that needs an older one answers 410. */
export const TOMBSTONE_RETENTION_DAYS = 30;
/** Idempotency keys are remembered at least this long (the contract's 24 h). */
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

const PURGE_INTERVAL_MS = 10 * 60_000;
let lastPurge = 0;

/**
 * Purges expired tombstones and idempotency keys, at most once per interval
 * per process, in the background of whichever request comes along (there is
 * no scheduler on serverless). Failures are logged; the next interval retries.
 */
export function purgeExpiredSoon(now = Date.now()): void {
  if (now - lastPurge < PURGE_INTERVAL_MS) return;
  lastPurge = now;
  waitUntil(
    purgeExpired().catch((error: unknown) =>
      console.error(JSON.stringify({ level: "warn", message: "sync purge failed", error: String(error) })),
    ),
  );
}

/**
 * One statement: deletes tombstones past their retention and raises each
 * affected user's purge horizon to the newest transaction id purged, so that
 * cursors from before it get 410 instead of silently missing a deletion; and
 * deletes idempotency keys past theirs.
 */
export async function purgeExpired(): Promise<void> {
  await getDb().$executeRaw`
    WITH purged AS (
      DELETE FROM "task_tombstone"
      WHERE "deleted_at" < now() - make_interval(days => ${TOMBSTONE_RETENTION_DAYS})
      RETURNING "user_id", "change_xid"
    ),
    horizon AS (
      INSERT INTO "sync_purge_horizon" AS h ("user_id", "purged_through")
      SELECT p."user_id", max(p."change_xid") FROM purged AS p
      WHERE EXISTS (SELECT 1 FROM "user" AS u WHERE u."id" = p."user_id")
      GROUP BY p."user_id"
      ON CONFLICT ("user_id") DO UPDATE SET "purged_through" = greatest(h."purged_through", excluded."purged_through")
    )
    DELETE FROM "idempotency_key"
    WHERE "created_at" < now() - make_interval(hours => ${IDEMPOTENCY_KEY_RETENTION_HOURS})`;
}
