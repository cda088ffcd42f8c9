import "server-only";
import type { Task as TaskRow } from "@todo/db";
import type { Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import type { IfMatch } from "../http/conditional";
import { assertTaskId } from "./not-found";
import { TASK_COLUMNS } from "./task-columns";
import { toTaskDto } from "./to-task-dto";
import { updateTask } from "./update-task";
import { writeRefused } from "./write-refused";

/**
 * Sets completion to `completed`, or toggles it when that is undefined. The
 * toggle is one UPDATE … SET completed = NOT completed, so two concurrent
 * toggles both count instead of one overwriting the other.
 */
export async function completeTask(
  userId: string,
  id: string,
  completed: boolean | undefined,
  ifMatch?: IfMatch,
): Promise<Task> {
  if (completed !== undefined) return updateTask(userId, id, { completed }, ifMatch);
  const [row] = await getDb().$queryRaw<Omit<TaskRow, "changeXid">[]>`
    UPDATE "task" SET "completed" = NOT "completed", "updated_at" = ${new Date()}
    WHERE "id" = ${assertTaskId(id)}::uuid AND "user_id" = ${userId}
      AND (${ifMatch === undefined}::boolean OR "version" = ANY(${[...(ifMatch ?? [])]}::integer[]))
    RETURNING ${TASK_COLUMNS}`;
  if (!row) throw await writeRefused(userId, id, ifMatch);
  return toTaskDto(row);
}
