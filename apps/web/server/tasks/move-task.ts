import "server-only";
import type { Task as TaskRow } from "@todo/db";
import type { Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import { RequestValidationError } from "../http/api-error";
import type { IfMatch } from "../http/conditional";
import { assertTaskId, notFoundError } from "./not-found";
import { TASK_COLUMNS } from "./task-columns";
import { toTaskDto } from "./to-task-dto";
import { changedBySomeoneElse } from "./write-refused";

const invalidAfterId = (msg: string) => new RequestValidationError([{ loc: ["body", "after_id"], msg }]);

/**
 * Puts the task right after `afterId` in the user's manual order, or first
 * when `afterId` is null. Only the moved task's row is written: its new
 * position is a fractional key between its new neighbours', which
 * move_position reads after the statement has locked the owner's row, so
 * concurrent moves and creates pick distinct keys in one statement each. An
 * anchor deleted in that very moment leaves the task where it was. With
 * `ifMatch`, a task at another version is not moved (412), as for any other
 * write.
 */
export async function moveTask(userId: string, id: string, afterId: string | null, ifMatch?: IfMatch): Promise<Task> {
  const taskId = assertTaskId(id);
  const after = afterId?.toLowerCase() ?? null;
  const [row] = await getDb().$queryRaw<Omit<TaskRow, "changeXid">[]>`
    WITH owner AS (SELECT "id" AS "owner_id" FROM "user" WHERE "id" = ${userId} FOR UPDATE),
    after AS (SELECT 1 FROM "task" WHERE "id" = ${after}::uuid AND "user_id" = ${userId})
    UPDATE "task" SET "updated_at" = ${new Date()},
      "position" = coalesce("move_position"(owner."owner_id", ${after}::uuid, "task"."id"), "task"."position")
    FROM owner
    WHERE "task"."id" = ${taskId}::uuid AND "task"."user_id" = owner."owner_id"
      AND (${ifMatch === undefined}::boolean OR "task"."version" = ANY(${[...(ifMatch ?? [])]}::integer[]))
      AND (${after}::uuid IS NULL OR (${after}::uuid <> ${taskId}::uuid AND EXISTS (SELECT 1 FROM after)))
    RETURNING ${TASK_COLUMNS}`;
  if (row) return toTaskDto(row);
  throw await moveRefused(userId, taskId, after, ifMatch);
}

/** Why a move changed nothing; only this failure path pays for the extra reads. */
async function moveRefused(userId: string, taskId: string, afterId: string | null, ifMatch: IfMatch): Promise<Error> {
  const moved = await getDb().task.findFirst({ where: { id: taskId, userId } });
  if (!moved) return notFoundError(userId);
  if (ifMatch && !ifMatch.includes(moved.version)) return changedBySomeoneElse(toTaskDto(moved));
  if (afterId === taskId) return invalidAfterId("A task cannot be moved after itself");
  return invalidAfterId("After id must be one of your tasks");
}
