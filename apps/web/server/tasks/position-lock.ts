import "server-only";
import type { Prisma } from "@todo/db";
import { getDb } from "../db";

// The first key of PostgreSQL's two-key advisory locks: "task positions".
const POSITION_LOCK = 0x7461736b;

/**
 * Runs `work` in a transaction that holds the user's position lock, so two
 * writes that each read their neighbours' positions and then pick one between
 * them (creates at the top, moves) never pick the same key. Other users never
 * wait; the unique index on (user_id, position) stays as the last word.
 */
export function withPositionLock<T>(userId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POSITION_LOCK}::int, hashtext(${userId}))`;
      return work(tx);
    },
    // Writers of one user queue on the lock, each holding a connection meanwhile.
    { maxWait: 10_000, timeout: 10_000 },
  );
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
