import "server-only";
import { generateKeyBetween } from "fractional-indexing";
import type { CreateTaskInput, Task } from "@/lib/task-schemas";
import { dueDateColumn } from "./due-date-column";
import { firstPosition, withPositionLock } from "./position-lock";
import { toTaskDto } from "./to-task-dto";

/** Creates a task owned by `userId`, at the top of the manual order; nothing in the input can choose the owner. */
export async function createTask(userId: string, input: CreateTaskInput): Promise<Task> {
  const row = await withPositionLock(userId, async (tx) =>
    tx.task.create({
      data: {
        userId,
        title: input.title,
        description: input.description ?? null,
        dueDate: dueDateColumn(input.due_date) ?? null,
        priority: input.priority,
        position: generateKeyBetween(null, await firstPosition(tx, userId)),
      },
    }),
  );
  return toTaskDto(row);
}
