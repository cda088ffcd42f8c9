import "server-only";
import type { CreateTaskInput, Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import { toTaskDto } from "./to-task-dto";

/** Creates a task owned by `userId`; nothing in the input can choose the owner. */
export async function createTask(userId: string, input: CreateTaskInput): Promise<Task> {
  const row = await getDb().task.create({
    data: { userId, title: input.title, description: input.description ?? null },
  });
  return toTaskDto(row);
}
