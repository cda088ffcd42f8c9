// The Prisma client against a real PostgreSQL: what its queries cost the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.dispose());

describe("createPrismaClient", () => {
  it("connects no more after $disconnect: a later query fails and opens no connection", async () => {
    const db = createPrismaClient(cluster.postgres.url, { max: 1 });
    const admin = createPrismaClient(cluster.postgres.url, { max: 1 });
    const othersConnected = async () => {
      const [row] = await admin.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`;
      return row?.n;
    };
    try {
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      expect(await othersConnected()).toBe(1);
      await db.$disconnect();
      await expect(db.$queryRaw`SELECT 1 AS one`).rejects.toThrow();
      expect(await othersConnected()).toBe(0);
    } finally {
      await db.$disconnect();
      await admin.$disconnect();
    }
  });

  it("prepares a query text once per connection and then only executes it", async () => {
    const db = createPrismaClient(cluster.postgres.url, { max: 1 });
    try {
      for (const n of [1, 2, 3]) expect(await db.$queryRaw`SELECT ${n}::int AS n`).toEqual([{ n }]);
      const prepared = await db.$queryRaw<{ name: string; executions: number }[]>`
        SELECT name, (generic_plans + custom_plans)::int AS executions
        FROM pg_prepared_statements WHERE statement = 'SELECT $1::int AS n'`;
      expect(prepared).toEqual([{ name: expect.stringMatching(/^todo_/), executions: 3 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("prepares nothing when told not to (a pooler that cannot carry prepared statements)", async () => {
    const db = createPrismaClient(cluster.postgres.url, { max: 1, preparedStatements: false });
    try {
      expect(await db.$queryRaw`SELECT ${1}::int AS n`).toEqual([{ n: 1 }]);
      expect(await db.$queryRaw`SELECT count(*)::int AS prepared FROM pg_prepared_statements`).toEqual([
        { prepared: 0 },
      ]);
    } finally {
      await db.$disconnect();
    }
  });
});
