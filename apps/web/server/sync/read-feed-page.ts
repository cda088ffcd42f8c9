import "server-only";
import { encodeSyncCursor } from "@/lib/sync-cursor";
import type { ChangesPage, ChangesQuery } from "@/lib/sync-schemas";
import { ApiError } from "../http/api-error";
import { purgeExpiredSoon } from "./purge-expired";
import { readChanges } from "./read-changes";

export const syncCursorExpired = () => new ApiError(410, "Sync cursor expired; start again without since");

/** One page of the caller's changes feed. */
export async function readFeedPage(userId: string, query: ChangesQuery): Promise<ChangesPage> {
  purgeExpiredSoon();
  const [result] = await readChanges([{ userId, since: query.since, limit: query.limit }]);
  if (!result || result.expired) throw syncCursorExpired();
  return { data: result.data, next_since: encodeSyncCursor(result.next), has_more: result.hasMore };
}
