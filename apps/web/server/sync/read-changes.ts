import "server-only";
import type { Task as TaskRow } from "@todo/db";
import { NIL_UUID, type SyncCursor } from "@/lib/sync-cursor";
import type { TaskChange } from "@/lib/sync-schemas";
import { getDb } from "../db";
import { toTaskDto } from "../tasks/to-task-dto";

/** One reader of the changes feed: whose changes, after which cursor (none: from scratch). */
export interface ChangesRequest {
  userId: string;
  since: SyncCursor | undefined;
  limit: number;
}

export type ChangesResult =
  | {
      expired: false;
      data: TaskChange[];
      next: SyncCursor;
      hasMore: boolean;
      /** Committed changes that are not final yet (an older transaction is still running): read again soon. */
      pending: boolean;
    }
  | { expired: true };

type ChangeRow = Omit<TaskRow, "changeXid" | "userId"> & {
  reader: bigint;
  xmin: bigint;
  purgedThrough: bigint | null;
  pending: boolean;
  changeXid: bigint | null;
  userId: string | null;
  deleted: boolean | null;
};

/**
 * Reads the changes after each request's cursor, for any number of readers
 * in ONE statement (the events fan-out serves all of a process's listeners
 * with it).
 *
 * Every task row and tombstone carries the id of the transaction that wrote
 * it. The statement's snapshot has an xmin: every transaction with a smaller
 * id has finished. Only rows below xmin are returned, in (transaction id,
 * task id) order, and the next cursor is xmin: a transaction that took its id
 * before a later-numbered one but commits after it is still running at this
 * read, so its id is at or above xmin and it is read next time. No change is
 * skipped, whatever order transactions commit in; a row written again moves
 * to its new transaction id and is delivered again with its new state.
 */
export async function readChanges(requests: readonly ChangesRequest[]): Promise<ChangesResult[]> {
  if (requests.length === 0) return [];
  const rows = await getDb().$queryRaw<ChangeRow[]>`
    WITH snap AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin),
    reader AS (
      SELECT * FROM unnest(${requests.map((request) => request.userId)}::text[],
                           ${requests.map((request) => request.since?.xid ?? 0n)}::bigint[],
                           ${requests.map((request) => request.since?.afterId ?? NIL_UUID)}::uuid[],
                           ${requests.map((request) => request.since?.floor ?? null)}::bigint[],
                           ${requests.map((request) => request.limit + 1)}::integer[])
        WITH ORDINALITY AS r ("user_id", "xid", "after_id", "floor", "take", "n")
    )
    SELECT r."n" AS "reader", snap."xmin", h."purged_through" AS "purgedThrough",
           EXISTS (SELECT 1 FROM "task" AS t WHERE t."user_id" = r."user_id" AND t."change_xid" >= snap."xmin")
           OR EXISTS (SELECT 1 FROM "task_tombstone" AS b
                      WHERE b."user_id" = r."user_id" AND b."change_xid" >= snap."xmin") AS "pending",
           c.*
    FROM reader AS r
    CROSS JOIN snap
    LEFT JOIN "sync_purge_horizon" AS h ON h."user_id" = r."user_id"
    LEFT JOIN LATERAL (
      (SELECT t."id", t."change_xid" AS "changeXid", false AS "deleted", t."user_id" AS "userId", t."title",
              t."description", t."completed", t."due_date" AS "dueDate", t."priority", t."position",
              t."created_at" AS "createdAt", t."updated_at" AS "updatedAt", t."version"
       FROM "task" AS t
       WHERE t."user_id" = r."user_id" AND t."change_xid" < snap."xmin"
         AND (t."change_xid", t."id") > (r."xid", r."after_id")
       ORDER BY t."change_xid", t."id" LIMIT r."take")
      UNION ALL
      (SELECT b."id", b."change_xid", true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "task_tombstone" AS b
       WHERE r."floor" IS NOT NULL AND b."user_id" = r."user_id" AND b."change_xid" >= r."floor"
         AND b."change_xid" < snap."xmin" AND (b."change_xid", b."id") > (r."xid", r."after_id")
       ORDER BY b."change_xid", b."id" LIMIT r."take")
      ORDER BY 2, 1 LIMIT r."take"
    ) AS c ON true
    ORDER BY r."n", c."changeXid", c."id"`;
  return requests.map((request, index) =>
    toResult(
      request,
      rows.filter((row) => Number(row.reader) === index + 1),
    ),
  );
}

function toResult(request: ChangesRequest, rows: ChangeRow[]): ChangesResult {
  const first = rows[0];
  if (!first) throw new Error("the changes query returned no row for a reader");
  const { xmin, purgedThrough, pending } = first;
  if (request.since && purgedThrough !== null && request.since.floor <= purgedThrough) return { expired: true };
  const changes = rows.filter((row) => row.id !== null && row.changeXid !== null);
  const page = changes.slice(0, request.limit);
  const last = page.at(-1);
  const floor = request.since?.floor ?? xmin;
  let next: SyncCursor;
  if (changes.length > request.limit && last?.changeXid) next = { xid: last.changeXid, afterId: last.id, floor };
  // Nothing new: the same cursor, so that an unchanged feed answers the same (and 304s).
  else if (!last && request.since) next = request.since;
  else next = { xid: xmin, afterId: NIL_UUID, floor: xmin };
  return { expired: false, data: page.map(toChange), next, hasMore: changes.length > request.limit, pending };
}

function toChange(row: ChangeRow): TaskChange {
  if (row.deleted || row.userId === null) return { id: row.id, deleted: true };
  return toTaskDto({ ...row, userId: row.userId });
}
