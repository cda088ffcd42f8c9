import "server-only";
import type { Task as TaskRow } from "@todo/db";
import type { CreateTaskInput, Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import { getEnv } from "../env";
import { invalidToken, taskLimitReached } from "../http/api-error";
import { userExists } from "./not-found";
import { toTaskDto } from "./to-task-dto";
import { uuidv7 } from "./uuidv7";

/**
 * Creates a task owned by `userId`; nothing in the input can choose the owner.
 * One statement: it locks the owner's row and checks the quota against the
 * task count the database keeps (a concurrent create waits for the lock, then
 * sees the new count), then inserts.
 */
export async function createTask(userId: string, input: CreateTaskInput): Promise<Task> {
  const now = new Date();
  const [row] = await getDb().$queryRaw<TaskRow[]>`
    WITH owner AS (
      SELECT "id" FROM "user" WHERE "id" = ${userId} AND "task_count" < ${getEnv().MAX_TASKS_PER_USER} FOR UPDATE
    )
    INSERT INTO "task" ("id", "user_id", "title", "description", "created_at", "updated_at")
    SELECT ${uuidv7(now)}::uuid, owner."id", ${input.title}, ${input.description ?? null}, ${now}, ${now} FROM owner
    RETURNING "id", "user_id" AS "userId", "title", "description", "completed",
              "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;
  if (row) return toTaskDto(row);
  // Nothing inserted: the token's user is gone (401), or the quota is reached.
  throw (await userExists(userId)) ? taskLimitReached() : invalidToken();
}
