import "server-only";
import { Prisma } from "@todo/db";
import { getDb, inOpenTransaction, inTransaction } from "../db";

/**
 * Writes that pick a position from their neighbours' (creates at the top,
 * moves) do it in the statement that writes, with the database's
 * position_between: one round trip. Each such statement locks the owner's row
 * (the lock the task quota takes on create). A create reads the first key
 * after that lock (first_position), but a move's snapshot is older than the
 * lock: two moves at once, or a move and a create, may read the same
 * neighbours and pick the same key. The unique index on (user_id, position)
 * then refuses the second, which runs again in a transaction that takes the
 * lock first, so that its statement reads the neighbours after every other
 * position writer is done.
 * Inside an open transaction (an idempotent request) a refused statement
 * would abort the transaction, so there the lock comes first.
 */
export async function withPositionRetry<T>(userId: string, write: () => Promise<T>): Promise<T> {
  if (inOpenTransaction()) return underPositionLock(userId, write);
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return underPositionLock(userId, write);
  }
}

function underPositionLock<T>(userId: string, write: () => Promise<T>): Promise<T> {
  // inTransaction, not a transaction of its own: inside an idempotent request
  // getDb() is already that request's transaction, and the lock joins it.
  return inTransaction(async () => {
    await getDb().$executeRaw`SELECT 1 FROM "user" WHERE "id" = ${userId} FOR UPDATE`;
    return write();
  });
}

// A raw statement's unique violation: P2010 with the driver's error as its cause.
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const adapterError = error.meta?.driverAdapterError;
  const cause = typeof adapterError === "object" && adapterError !== null ? Reflect.get(adapterError, "cause") : null;
  return typeof cause === "object" && cause !== null && Reflect.get(cause, "kind") === "UniqueConstraintViolation";
}
