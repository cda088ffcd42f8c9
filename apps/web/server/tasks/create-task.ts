import "server-only";
import type { Task as TaskRow } from "@todo/db";
import { generateKeyBetween } from "fractional-indexing";
import type { CreateTaskInput, Task } from "@/lib/task-schemas";
import { getEnv } from "../env";
import { invalidToken, taskLimitReached } from "../http/api-error";
import { userExists } from "./not-found";
import { firstPosition, withPositionLock } from "./position-lock";
import { TASK_COLUMNS } from "./task-columns";
import { toTaskDto } from "./to-task-dto";
import { uuidv7 } from "./uuidv7";

/**
 * Creates a task owned by `userId`, at the top of the manual order; nothing in
 * the input can choose the owner. The insert checks the quota against the task
 * count the database keeps, under the owner's row lock (see withPositionLock):
 * a concurrent create waits, then sees the new count and the new first task.
 */
export async function createTask(userId: string, input: CreateTaskInput): Promise<Task> {
  const now = new Date();
  const row = await withPositionLock(userId, async (tx) => {
    const position = generateKeyBetween(null, await firstPosition(tx, userId));
    const [inserted] = await tx.$queryRaw<Omit<TaskRow, "changeXid">[]>`
      WITH owner AS (
        SELECT "id" FROM "user" WHERE "id" = ${userId} AND "task_count" < ${getEnv().MAX_TASKS_PER_USER} FOR UPDATE
      )
      INSERT INTO "task" ("id", "user_id", "title", "description", "due_date", "priority", "position", "created_at", "updated_at")
      SELECT ${uuidv7(now)}::uuid, owner."id", ${input.title}, ${input.description ?? null}, ${input.due_date ?? null}::date,
             ${input.priority ?? "none"}::"task_priority", ${position}, ${now}, ${now}
      FROM owner
      RETURNING ${TASK_COLUMNS}`;
    return inserted;
  });
  if (row) return toTaskDto(row);
  // Nothing inserted: the token's user is gone (401), or the quota is reached.
  throw (await userExists(userId)) ? taskLimitReached() : invalidToken();
}
