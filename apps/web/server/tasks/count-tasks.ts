import "server-only";
import type { TaskCounts } from "@/lib/task-list-state";
import { getDb } from "../db";

/** How many of the user's tasks are pending and completed, for the list's summary. */
export async function countTasks(userId: string): Promise<TaskCounts> {
  const groups = await getDb().task.groupBy({ by: ["completed"], where: { userId }, _count: { _all: true } });
  const count = (completed: boolean) => groups.find((group) => group.completed === completed)?._count._all ?? 0;
  return { pending: count(false), completed: count(true) };
}
