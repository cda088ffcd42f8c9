import "server-only";
import { generateKeyBetween } from "fractional-indexing";
import type { Task } from "@/lib/task-schemas";
import { RequestValidationError } from "../http/api-error";
import type { IfMatch } from "../http/conditional";
import { assertTaskId, notFoundError } from "./not-found";
import { firstPosition, withPositionLock } from "./position-lock";
import { toTaskDto } from "./to-task-dto";
import { changedBySomeoneElse, versionCondition, writeRefused } from "./write-refused";

const invalidAfterId = (msg: string) => new RequestValidationError([{ loc: ["body", "after_id"], msg }]);

/**
 * Puts the task right after `afterId` in the user's manual order, or first
 * when `afterId` is null. Only the moved task's row is written: its new
 * position is a fractional key between its new neighbours'. With `ifMatch`,
 * a task at another version is not moved (412), as for any other write.
 */
export async function moveTask(userId: string, id: string, afterId: string | null, ifMatch?: IfMatch): Promise<Task> {
  const taskId = assertTaskId(id);
  const row = await withPositionLock(userId, async (tx) => {
    const moved = await tx.task.findFirst({ where: { id: taskId, userId } });
    if (!moved) throw await notFoundError(userId);
    if (ifMatch && !ifMatch.includes(moved.version)) throw changedBySomeoneElse(toTaskDto(moved));
    let before: string | null = null;
    if (afterId !== null) {
      if (afterId === taskId) throw invalidAfterId("A task cannot be moved after itself");
      const after = await tx.task.findFirst({ where: { id: afterId, userId }, select: { position: true } });
      if (!after) throw invalidAfterId("After id must be one of your tasks");
      before = after.position;
    }
    const next =
      before === null
        ? await firstPosition(tx, userId, taskId)
        : (
            await tx.task.findFirst({
              where: { userId, id: { not: taskId }, position: { gt: before } },
              orderBy: { position: "asc" },
              select: { position: true },
            })
          )?.position;
    const [updated] = await tx.task.updateManyAndReturn({
      // Edits do not take the position lock: the version can still change under it.
      where: { id: taskId, userId, ...versionCondition(ifMatch) },
      data: { position: generateKeyBetween(before, next ?? null) },
    });
    return updated;
  });
  if (!row) throw await writeRefused(userId, taskId, ifMatch);
  return toTaskDto(row);
}
