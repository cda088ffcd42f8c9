import "server-only";
import { getDb } from "../db";
import { invalidToken } from "../http/api-error";
import { userExists } from "./not-found";

/** Deletes the user's completed tasks in one statement; returns how many there were. */
export async function clearCompleted(userId: string): Promise<{ deleted: number }> {
  const { count } = await getDb().task.deleteMany({ where: { userId, completed: true } });
  // Nothing deleted may mean the token's user was deleted: that answers 401.
  if (count === 0 && !(await userExists(userId))) throw invalidToken();
  return { deleted: count };
}
