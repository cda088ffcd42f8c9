import type { Task as TaskRow } from "@todo/db";
import type { Task } from "@/lib/task-schemas";

/** The wire shape: snake_case, ISO-8601 UTC timestamps with milliseconds, due dates as YYYY-MM-DD. */
export function toTaskDto(row: Omit<TaskRow, "changeXid">): Task {
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    // A DATE column reads back as midnight UTC of that day.
    due_date: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    priority: row.priority,
    position: row.position,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
  };
}
