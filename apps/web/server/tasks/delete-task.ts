import "server-only";
import { getDb } from "../db";
import type { IfMatch } from "../http/conditional";
import { assertTaskId } from "./not-found";
import { versionCondition, writeRefused } from "./write-refused";

export async function deleteTask(userId: string, id: string, ifMatch?: IfMatch): Promise<void> {
  const { count } = await getDb().task.deleteMany({
    where: { id: assertTaskId(id), userId, ...versionCondition(ifMatch) },
  });
  if (count === 0) throw await writeRefused(userId, id, ifMatch);
}
