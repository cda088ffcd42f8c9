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

/**
 * A Prisma client on node-postgres; create one per process and reuse it.
 * Takes a database URL, or a pool made with createPool when the caller needs
 * the pool itself (e.g. to release idle connections on serverless). The
 * client owns the pool: $disconnect() ends it. Its queries run as prepared
 * statements (see statement-names.ts).
 */
export function createPrismaClient(database: string | pg.Pool, pool: PoolOptions = {}): PrismaClient {
  const adapter = new PrismaPg(database instanceof pg.Pool ? database : createPool(database, pool), {
    disposeExternalPool: true,
    statementNameGenerator: statementNames(),
  });
  return new PrismaClient({ adapter });
}
