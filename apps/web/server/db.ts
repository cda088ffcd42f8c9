import "server-only";
import { createPool, createPrismaClient, type PrismaClient } from "@todo/db";
import { attachDatabasePool } from "@vercel/functions/db-connections";
import { getEnv } from "./env";

// One client per process, kept on globalThis: in development it survives hot
// reloads, which would otherwise open a new pool on every edit, and Next
// bundles instrumentation.ts (which closes it, see shutdown.ts) apart from
// the routes, each bundle with its own copy of this module.
const globalForDb = globalThis as typeof globalThis & { todoDb?: PrismaClient };
let client: PrismaClient | undefined;

export function getDb(): PrismaClient {
  if (client) return client;
  const env = getEnv();
  client = globalForDb.todoDb ?? createClient(env.DATABASE_URL, env.databasePool);
  globalForDb.todoDb = client;
  return client;
}

/** Ends the pool's connections (server shutdown); a later getDb() opens a new pool. */
export async function closeDb(): Promise<void> {
  const closing = globalForDb.todoDb;
  client = undefined;
  globalForDb.todoDb = undefined;
  await closing?.$disconnect();
}

function createClient(databaseUrl: string, pool: { max: number; idleTimeoutMs: number }): PrismaClient {
  const pgPool = createPool(databaseUrl, pool);
  // On Vercel, each time a connection goes back to the pool this keeps the
  // function alive (waitUntil) until the idle timeout has closed it, so no
  // connection is left open in a suspended instance for Neon to time out.
  // Elsewhere it does nothing.
  attachDatabasePool(pgPool);
  return createPrismaClient(pgPool);
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
