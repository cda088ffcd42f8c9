import "server-only";
import { createPrismaClient, type PrismaClient } from "@todo/db";
import { getEnv } from "./env";

// One client per process; in development it survives hot reloads, which would
// otherwise open a new pool on every edit.
const globalForDb = globalThis as typeof globalThis & { todoDb?: PrismaClient };
let client: PrismaClient | undefined;

export function getDb(): PrismaClient {
  if (client) return client;
  const env = getEnv();
  client = globalForDb.todoDb ?? createPrismaClient(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
  if (env.NODE_ENV === "development") globalForDb.todoDb = client;
  return client;
}

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseReachable(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = getDb().$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
