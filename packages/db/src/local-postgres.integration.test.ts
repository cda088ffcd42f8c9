import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalPostgresError, startLocalPostgres } from "./local-postgres.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster("keep");
});
afterAll(() => cluster.dispose());

async function count(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM kept")).rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

describe("startLocalPostgres", () => {
  it("keeps its data across a stop and a start", async () => {
    const client = new pg.Client({ connectionString: cluster.postgres.url });
    await client.connect();
    await client.query("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1), (2)");
    await client.end();

    await cluster.postgres.stop();
    cluster.postgres = await startLocalPostgres({ dataDir: cluster.dataDir, database: "keep", ephemeral: true });
    expect(await count(cluster.postgres.url)).toBe(2);
  });

  it("refuses a port in use with one clear line", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const address = busy.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expect(startLocalPostgres({ dataDir: join(cluster.folder, "other"), database: "x", port })).rejects.toThrow(
        new LocalPostgresError(`Port ${port} for the local database is in use: free it or set LOCAL_DATABASE_PORT.`),
      );
    } finally {
      busy.close();
    }
  });

  it("refuses a data folder that is not a cluster", async () => {
    const damaged = join(cluster.folder, "damaged");
    mkdirSync(damaged);
    writeFileSync(join(damaged, "stray.txt"), "not a database");
    await expect(startLocalPostgres({ dataDir: damaged, database: "x" })).rejects.toThrow(
      /is not a PostgreSQL cluster/,
    );
  });

  it("explains a cluster that cannot start", async () => {
    const broken = join(cluster.folder, "broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "PG_VERSION"), "18\n");
    const failure = startLocalPostgres({ dataDir: broken, database: "x" });
    await expect(failure).rejects.toBeInstanceOf(LocalPostgresError);
    await expect(failure).rejects.toThrow(/did not start: \S/);
  });
});
