import "server-only";
import { getDb } from "../db";
import { invalidToken, taskNotFound } from "../http/api-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot name a task: 404 without asking the database. */
export function assertTaskId(id: string): string {
  if (!UUID.test(id)) throw taskNotFound();
  return id.toLowerCase();
}

/** Whether the token's user still exists (it may have been deleted since the token was issued). */
export async function userExists(userId: string): Promise<boolean> {
  return (await getDb().user.count({ where: { id: userId } })) > 0;
}

/**
 * The error for a task the caller cannot see: 404 whether it is missing or
 * someone else's (both took the same query), or 401 when the token's user is
 * gone. Only this path pays for the user lookup.
 */
export async function notFoundError(userId: string): Promise<Error> {
  return (await userExists(userId)) ? taskNotFound() : invalidToken();
}
