import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type { Task } from "./generated/prisma/client.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";

export interface PoolOptions {
  /** Most connections this process opens (keep it small on serverless). */
  max?: number;
  /** How long an idle connection is kept before it is closed. */
  idleTimeoutMs?: number;
}

/** A Prisma client on node-postgres; create one per process and reuse it. */
export function createPrismaClient(connectionString: string, pool: PoolOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: pool.max ?? 10,
    idleTimeoutMillis: pool.idleTimeoutMs ?? 30_000,
    // Fail fast rather than queueing requests behind a database that is gone.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}
