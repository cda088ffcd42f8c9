import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "./migrate.ts";
import { ConnectionStringError } from "./pool.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";

const MIGRATIONS = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
let cluster: TestCluster;

// Since the planning migration every task has a place in its owner's order (a fractional-indexing key).
const RANDOM_POSITION = "'a' || substr(md5(random()::text), 1, 12)";

beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.dispose());

async function query<T extends pg.QueryResultRow>(database: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.postgres.urlFor(database) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// Inside the cluster's temporary folder, so disposing of the cluster removes it too.
function copyOfMigrations(): string {
  const dir = mkdtempSync(join(cluster.folder, "migrations-"));
  cpSync(MIGRATIONS, dir, { recursive: true });
  return dir;
}

describe("applyMigrations", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    await cluster.postgres.createDatabase("fresh");
    const url = cluster.postgres.urlFor("fresh");
    const applied = await applyMigrations(url, MIGRATIONS);
    expect(applied).toContain("20261123120000_init");
    expect(await applyMigrations(url, MIGRATIONS)).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      "fresh",
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(applied);
    const sql = readFileSync(join(MIGRATIONS, "20261123120000_init/migration.sql"));
    expect(rows[0]).toMatchObject({
      checksum: createHash("sha256").update(sql).digest("hex"),
      finished_at: expect.any(Date),
      applied_steps_count: 1,
    });
  });

  it("rolls a failing migration back entirely, then applies it once fixed", async () => {
    await cluster.postgres.createDatabase("failing");
    const url = cluster.postgres.urlFor("failing");
    const dir = copyOfMigrations();
    mkdirSync(join(dir, "29990101000000_broken"));
    const file = join(dir, "29990101000000_broken/migration.sql");
    writeFileSync(file, `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`);

    await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await query("failing", `SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    const names = await query<{ migration_name: string }>("failing", `SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((row) => row.migration_name)).not.toContain("29990101000000_broken");
    expect(names.map((row) => row.migration_name)).toContain("20261123120000_init");

    writeFileSync(file, `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect(await applyMigrations(url, dir)).toEqual(["29990101000000_broken"]);
  });

  it("gives up on a server that accepts connections but never answers", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const url = `postgresql://u:p@127.0.0.1:${port}/x`;
      await expect(applyMigrations(url, MIGRATIONS, { connectTimeoutMs: 300 })).rejects.toThrow(/timeout/i);
    } finally {
      silent.close();
    }
  });

  it("reads the URL as the app does: channel_binding=require without TLS is refused", async () => {
    const url = `${cluster.postgres.urlFor("fresh")}?channel_binding=require`;
    await expect(applyMigrations(url, MIGRATIONS)).rejects.toThrow(ConnectionStringError);
  });

  it("gives the database the constraints the schema cannot express", async () => {
    await cluster.postgres.createDatabase("checks");
    const url = cluster.postgres.urlFor("checks");
    await applyMigrations(url, MIGRATIONS);
    await query("checks", `INSERT INTO "user" (id, name, email) VALUES ('u1', 'U', 'u@example.test')`);
    const insert = (title: string, description: string | null) =>
      query(
        "checks",
        `INSERT INTO task (id, user_id, title, description, position) VALUES (gen_random_uuid(), 'u1', ${pg.escapeLiteral(title)}, ${
          description === null ? "NULL" : pg.escapeLiteral(description)
        }, ${RANDOM_POSITION})`,
      );
    await expect(insert("   ", null)).rejects.toThrow(/task_title_not_blank/);
    await expect(insert("", null)).rejects.toThrow(/task_title_not_blank/);
    await expect(insert("ok", "")).rejects.toThrow(/task_description_not_empty/);
    await expect(insert("x".repeat(201), null)).rejects.toThrow(/too long/);
    await expect(insert("Buy milk", null)).resolves.toEqual([]);
    // Deleting the user deletes their tasks.
    await query("checks", `DELETE FROM "user" WHERE id = 'u1'`);
    expect(await query("checks", "SELECT count(*)::int AS n FROM task")).toEqual([{ n: 0 }]);
  });

  it("counts the tasks users already had when the quota migration comes, and keeps counting", async () => {
    await cluster.postgres.createDatabase("counts");
    const url = cluster.postgres.urlFor("counts");
    const initOnly = copyOfMigrations();
    for (const name of readdirSync(initOnly)) {
      if (name > "20261123120000_init" && !name.endsWith(".toml")) rmSync(join(initOnly, name), { recursive: true });
    }
    await applyMigrations(url, initOnly);
    await query(
      "counts",
      `INSERT INTO "user" (id, name, email) VALUES ('a', 'A', 'a@example.test'), ('b', 'B', 'b@example.test');
       INSERT INTO task (id, user_id, title) SELECT gen_random_uuid(), 'a', 'Old ' || n FROM generate_series(1, 3) n;`,
    );
    await applyMigrations(url, MIGRATIONS);
    const counts = () =>
      query<{ id: string; task_count: number }>("counts", `SELECT id, task_count FROM "user" ORDER BY id`);
    expect(await counts()).toEqual([
      { id: "a", task_count: 3 },
      { id: "b", task_count: 0 },
    ]);
    await query(
      "counts",
      `INSERT INTO task (id, user_id, title, position) SELECT gen_random_uuid(), u, 'New', ${RANDOM_POSITION} FROM unnest(ARRAY['a', 'b', 'b']) u;
       DELETE FROM task WHERE id IN (SELECT id FROM task WHERE user_id = 'a' LIMIT 2);`,
    );
    expect(await counts()).toEqual([
      { id: "a", task_count: 2 },
      { id: "b", task_count: 2 },
    ]);
    // A user's deletion cascades to their tasks without tripping over the count.
    await query("counts", `DELETE FROM "user" WHERE id = 'a'`);
    expect(await counts()).toEqual([{ id: "b", task_count: 2 }]);
  });
});
