import "server-only";
import { getDb } from "../db";
import { assertTaskId, notFoundError } from "./not-found";

export async function deleteTask(userId: string, id: string): Promise<void> {
  const { count } = await getDb().task.deleteMany({ where: { id: assertTaskId(id), userId } });
  if (count === 0) throw await notFoundError(userId);
}
