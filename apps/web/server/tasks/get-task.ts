import "server-only";
import type { Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import { assertTaskId, notFoundError } from "./not-found";
import { toTaskDto } from "./to-task-dto";

export async function getTask(userId: string, id: string): Promise<Task> {
  const row = await getDb().task.findFirst({ where: { id: assertTaskId(id), userId } });
  if (!row) throw await notFoundError(userId);
  return toTaskDto(row);
}
