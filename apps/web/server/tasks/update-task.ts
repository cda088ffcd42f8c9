import "server-only";
import type { Task, UpdateTaskInput } from "@/lib/task-schemas";
import { getDb } from "../db";
import type { IfMatch } from "../http/conditional";
import { dueDateColumn } from "./due-date-column";
import { getTask } from "./get-task";
import { assertTaskId } from "./not-found";
import { toTaskDto } from "./to-task-dto";
import { changedBySomeoneElse, versionCondition, writeRefused } from "./write-refused";

/**
 * Changes the given fields of the user's task (PUT and PATCH both end here).
 * `undefined` leaves a field as it is; an update with no fields changes
 * nothing, not even `updated_at`. With `ifMatch`, the version check is part
 * of the UPDATE's WHERE: of two writers holding the same version, the second
 * one re-reads the row after the first commits and matches nothing.
 */
export async function updateTask(
  userId: string,
  id: string,
  changes: UpdateTaskInput,
  ifMatch?: IfMatch,
): Promise<Task> {
  const { title, description, completed, due_date, priority } = changes;
  if ([title, description, completed, due_date, priority].every((value) => value === undefined)) {
    const task = await getTask(userId, id);
    if (ifMatch && !ifMatch.includes(task.version)) throw changedBySomeoneElse(task);
    return task;
  }
  const [row] = await getDb().task.updateManyAndReturn({
    where: { id: assertTaskId(id), userId, ...versionCondition(ifMatch) },
    data: { title, description, completed, dueDate: dueDateColumn(due_date), priority },
  });
  if (!row) throw await writeRefused(userId, id, ifMatch);
  return toTaskDto(row);
}
