import "server-only";
import type { Task, UpdateTaskInput } from "@/lib/task-schemas";
import { getDb } from "../db";
import { dueDateColumn } from "./due-date-column";
import { getTask } from "./get-task";
import { assertTaskId, notFoundError } from "./not-found";
import { toTaskDto } from "./to-task-dto";

/**
 * Changes the given fields of the user's task (PUT and PATCH both end here).
 * `undefined` leaves a field as it is; an update with no fields changes
 * nothing, not even `updated_at`.
 */
export async function updateTask(userId: string, id: string, changes: UpdateTaskInput): Promise<Task> {
  const { title, description, completed, due_date, priority } = changes;
  if ([title, description, completed, due_date, priority].every((value) => value === undefined)) {
    return getTask(userId, id);
  }
  const [row] = await getDb().task.updateManyAndReturn({
    where: { id: assertTaskId(id), userId },
    data: { title, description, completed, dueDate: dueDateColumn(due_date), priority },
  });
  if (!row) throw await notFoundError(userId);
  return toTaskDto(row);
}
