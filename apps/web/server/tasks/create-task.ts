import "server-only";
import type { Task as TaskRow } from "@todo/db";
import type { CreateTaskInput, Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import { getEnv } from "../env";
import { invalidToken, taskLimitReached } from "../http/api-error";
import { userExists } from "./not-found";
import { TASK_COLUMNS } from "./task-columns";
import { toTaskDto } from "./to-task-dto";
import { uuidv7 } from "./uuidv7";

/**
 * Creates a task owned by `userId`, at the top of the manual order; nothing in
 * the input can choose the owner. One statement: it locks the owner's row
 * while checking the quota against the task count the database keeps (a
 * concurrent create waits, then sees the new count), picks a position before
 * the first task's (read after the lock, so a create that waited sees the
 * tasks of those it waited for) and inserts.
 */
export async function createTask(userId: string, input: CreateTaskInput): Promise<Task> {
  const now = new Date();
  const id = uuidv7(now);
  const [row] = await getDb().$queryRaw<Omit<TaskRow, "changeXid">[]>`
    WITH owner AS (
      SELECT "id" FROM "user" WHERE "id" = ${userId} AND "task_count" < ${getEnv().MAX_TASKS_PER_USER} FOR UPDATE
    )
    INSERT INTO "task" ("id", "user_id", "title", "description", "due_date", "priority", "position", "created_at", "updated_at")
    SELECT ${id}::uuid, owner."id", ${input.title}, ${input.description ?? null}, ${input.due_date ?? null}::date,
           ${input.priority ?? "none"}::"task_priority",
           "position_between"(NULL, "first_position"(owner."id")), ${now}, ${now}
    FROM owner
    RETURNING ${TASK_COLUMNS}`;
  if (row) return toTaskDto(row);
  // Nothing inserted: the token's user is gone (401), or the quota is reached.
  throw (await userExists(userId)) ? taskLimitReached() : invalidToken();
}
