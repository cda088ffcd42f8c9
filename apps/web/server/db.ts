import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { type ClientOptions, createPool, createPrismaClient, type Prisma, type PrismaClient } from "@todo/db";
import { attachDatabasePool } from "@vercel/functions/db-connections";
import { getEnv } from "./env";

// One client per process; in development it survives hot reloads, which would
// otherwise open a new pool on every edit.
const globalForDb = globalThis as typeof globalThis & {
  todoDb?: PrismaClient;
  todoDbClients?: Set<PrismaClient>;
  todoDbClosed?: boolean;
};
let client: PrismaClient | undefined;
const openTransaction = new AsyncLocalStorage<Prisma.TransactionClient>();

/**
 * The database for domain functions: the transaction `inTransaction` opened
 * around the current request, if any, otherwise the shared client. This lets
 * a wrapper (idempotency) put a handler's writes and its own into one
 * transaction without every domain function taking a client argument.
 */
export function getDb(): Prisma.TransactionClient {
  return openTransaction.getStore() ?? getClient();
}

/** Runs `work` in one transaction, which getDb() returns inside it. */
export function inTransaction<T>(work: () => Promise<T>): Promise<T> {
  if (openTransaction.getStore()) return work();
  // Under a burst the pool's connections are all busy: wait for one rather than fail after Prisma's 2 s.
  return getClient().$transaction((tx) => openTransaction.run(tx, work), { maxWait: 10_000, timeout: 10_000 });
}

/** The shared client itself (its own transactions, disconnecting). */
export function getClient(): PrismaClient {
  if (client) return client;
  // A timer that fires during shutdown (the rate limiter's sync, say) would
  // otherwise open a new pool that nobody closes before the process exits.
  if (globalForDb.todoDbClosed) throw new Error("the database pool is closed: the server is stopping");
  const env = getEnv();
  client = globalForDb.todoDb ?? createClient(env.DATABASE_URL, env.databasePool);
  if (env.NODE_ENV === "development") globalForDb.todoDb = client;
  // Found by closeDb() from any bundle: Next bundles instrumentation.ts (see
  // shutdown.ts) apart from the routes, each with its own copy of this module.
  globalForDb.todoDbClients ??= new Set();
  globalForDb.todoDbClients.add(client);
  return client;
}

/** Ends the pools of every client this process opened (server shutdown). */
export async function closeDb(): Promise<void> {
  globalForDb.todoDbClosed = true;
  const clients = [...(globalForDb.todoDbClients ?? [])];
  globalForDb.todoDbClients?.clear();
  globalForDb.todoDb = undefined;
  client = undefined;
  await Promise.all(clients.map((open) => open.$disconnect()));
}

function createClient(databaseUrl: string, { preparedStatements, ...pool }: ClientOptions): PrismaClient {
  const pgPool = createPool(databaseUrl, pool);
  // On Vercel, each time a connection goes back to the pool this keeps the
  // function alive (waitUntil) until the idle timeout has closed it, so no
  // connection is left open in a suspended instance for Neon to time out.
  // Elsewhere it does nothing.
  attachDatabasePool(pgPool);
  return createPrismaClient(pgPool, { preparedStatements });
}

// Health checks need no token, so anyone can send many at once: they share
// one probe, and its answer stands for a second after it comes: a flood of
// them costs one query a second, not the whole pool.
const PROBE_REUSE_MS = 1_000;
let lastProbe: { reachable: Promise<boolean>; freshUntil: number } | undefined;

/** Whether the database answers a trivial query within `timeoutMs` (or did, less than a second ago). */
export function isDatabaseReachable(timeoutMs: number): Promise<boolean> {
  if (lastProbe && performance.now() < lastProbe.freshUntil) return lastProbe.reachable;
  const probe = { reachable: probeDatabase(timeoutMs), freshUntil: Number.POSITIVE_INFINITY };
  lastProbe = probe;
  void probe.reachable.then(() => {
    probe.freshUntil = performance.now() + PROBE_REUSE_MS;
  });
  return probe.reachable;
}

async function probeDatabase(timeoutMs: number): Promise<boolean> {
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
