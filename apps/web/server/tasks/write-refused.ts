import "server-only";
import type { Task } from "@/lib/task-schemas";
import { getDb } from "../db";
import { ApiError } from "../http/api-error";
import { type IfMatch, taskEtag } from "../http/conditional";
import { notFoundError } from "./not-found";
import { toTaskDto } from "./to-task-dto";

/**
 * Why a write that matched no row changed nothing: the task is not the
 * caller's (404, or 401 when the user is gone), or it exists with a version
 * that `If-Match` did not name (412 with the current task and its ETag).
 * Only this failure path pays for the extra read.
 */
export async function writeRefused(userId: string, id: string, ifMatch: IfMatch): Promise<Error> {
  const row = ifMatch && (await getDb().task.findFirst({ where: { id, userId } }));
  if (!row) return notFoundError(userId);
  return changedBySomeoneElse(toTaskDto(row));
}

export function changedBySomeoneElse(task: Task): ApiError {
  return new ApiError(412, "The task was changed by someone else", { ETag: taskEtag(task) }, { data: task });
}

/** The `version` condition of a write's WHERE: any version, or one `If-Match` named. */
export const versionCondition = (ifMatch: IfMatch) => (ifMatch ? { version: { in: [...ifMatch] } } : {});
