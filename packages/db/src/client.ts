import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { createPool, type PoolOptions } from "./pool.ts";
import { statementNames } from "./statement-names.ts";

export type { Task } from "./generated/prisma/client.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export {
  ChannelBindingError,
  ConnectionStringError,
  createClient,
  createPool,
  type PoolOptions,
  readConnectionString,
} from "./pool.ts";

export interface ClientOptions extends PoolOptions {
  /**
   * Run queries as named prepared statements (see statement-names.ts); off
   * for a pooler in transaction mode that cannot carry them (PgBouncer before
   * 1.21, or with max_prepared_statements = 0).
   */
  preparedStatements?: boolean;
}

/**
 * A Prisma client on node-postgres; create one per process and reuse it.
 * Takes a database URL, or a pool made with createPool when the caller needs
 * the pool itself (e.g. to release idle connections on serverless). The
 * client owns the pool: $disconnect() ends it for good, and a query after it
 * fails rather than connect again.
 */
export function createPrismaClient(
  database: string | pg.Pool,
  { preparedStatements = true, ...pool }: ClientOptions = {},
): PrismaClient {
  const pgPool = database instanceof pg.Pool ? database : createPool(database, pool);
  // Not the adapter's disposeExternalPool: once it has ended the pool, the
  // adapter answers the next query with a new pool from the same options,
  // which nobody ends (a timer that fires while the server stops would leave
  // its connection for PostgreSQL to find abandoned).
  const adapter = new PrismaPg(pgPool, preparedStatements ? { statementNameGenerator: statementNames() } : {});
  // "minimal": no stack captured on every query for a code frame in Prisma's
  // error messages, about 12 µs of CPU per query (the same messages in production).
  const client = new PrismaClient({ adapter, errorFormat: "minimal" });
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pgPool.ending) await pgPool.end();
  };
  return client;
}
