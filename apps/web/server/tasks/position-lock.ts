import "server-only";
import type { Prisma } from "@todo/db";
import { getDb, inTransaction } from "../db";

/**
 * Runs `work` in a transaction that holds the owner's row lock, so two writes
 * that each read their neighbours' positions and then pick a key between them
 * (creates at the top, moves) never pick the same key. It is the lock the task
 * quota already takes on create; other users never wait. The unique index on
 * (user_id, position) stays as the last word.
 */
export function withPositionLock<T>(userId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // inTransaction, not a transaction of its own: inside an idempotent request
  // getDb() is already that request's transaction, and the lock joins it.
  return inTransaction(async () => {
    const tx = getDb();
    await tx.$executeRaw`SELECT 1 FROM "user" WHERE "id" = ${userId} FOR UPDATE`;
    return work(tx);
  });
}

/** The position of the user's first task (optionally other than `exceptId`), or null when there is none. */
export async function firstPosition(
  tx: Prisma.TransactionClient,
  userId: string,
  exceptId?: string,
): Promise<string | null> {
  const first = await tx.task.findFirst({
    where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  return first?.position ?? null;
}
