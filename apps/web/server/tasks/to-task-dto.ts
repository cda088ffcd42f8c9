import type { Task as TaskRow } from "@todo/db";
import type { Task } from "@/lib/task-schemas";

/** The wire shape: snake_case, ISO-8601 UTC timestamps with milliseconds. */
export function toTaskDto(row: Omit<TaskRow, "changeXid">): Task {
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
  };
}
