// The planning migration on a database that already holds tasks: every task
// keeps working, with no due date, no priority, and its list order as its
// manual order.
import { cpSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";

const MIGRATIONS = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
const PLANNING = "20261201030000_planning";

let cluster: TestCluster;
let client: pg.Client;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.postgres.createDatabase("planning");
  const url = cluster.postgres.urlFor("planning");
  // Everything before the planning migration first, then rows, then the rest.
  const before = mkdtempSync(join(cluster.folder, "migrations-"));
  cpSync(join(MIGRATIONS, "migration_lock.toml"), join(before, "migration_lock.toml"));
  cpSync(join(MIGRATIONS, "20261123120000_init"), join(before, "20261123120000_init"), { recursive: true });
  await applyMigrations(url, before);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO "user" ("id", "name", "email") VALUES ('u1', 'One', 'one@example.test'), ('u2', 'Two', 'two@example.test')`,
  );
  // 70 tasks for u1 (more than one base-62 digit), two of them created in the same millisecond.
  await client.query(`
    INSERT INTO "task" ("id", "user_id", "title", "created_at")
    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'u1', 'Task ' || n,
           TIMESTAMPTZ '2026-11-01 00:00:00Z' + make_interval(secs => LEAST(n, 68))
    FROM generate_series(1, 70) AS n`);
  await client.query(
    `INSERT INTO "task" ("id", "user_id", "title") VALUES ('00000000-0000-7000-8000-0000000000ff', 'u2', 'Other')`,
  );
  expect(await applyMigrations(url, MIGRATIONS)).toContain(PLANNING);
});

afterAll(async () => {
  await client?.end();
  await cluster?.dispose();
});

describe(`migration ${PLANNING}`, () => {
  it("gives existing tasks no due date, priority none, and positions in their list order", async () => {
    const { rows } = await client.query<{ id: string; due_date: Date | null; priority: string; position: string }>(
      `SELECT "id", "due_date", "priority"::text, "position" FROM "task" WHERE "user_id" = 'u1'
       ORDER BY "created_at" DESC, "id" DESC`,
    );
    expect(rows).toHaveLength(70);
    expect(rows.every((row) => row.due_date === null && row.priority === "none")).toBe(true);
    const positions = rows.map((row) => row.position);
    expect(positions.slice(0, 3)).toEqual(["d0000", "d0001", "d0002"]);
    // JavaScript's < is byte order, the order the API promises.
    for (let index = 1; index < positions.length; index++) {
      expect((positions[index - 1] ?? "") < (positions[index] ?? "")).toBe(true);
    }
    const byPosition = await client.query<{ id: string }>(
      `SELECT "id" FROM "task" WHERE "user_id" = 'u1' ORDER BY "position"`,
    );
    expect(byPosition.rows.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    const other = await client.query(`SELECT "position" FROM "task" WHERE "user_id" = 'u2'`);
    expect(other.rows).toEqual([{ position: "d0000" }]);
  });

  it('compares positions by bytes (COLLATE "C"), whatever the database\'s collation', async () => {
    const { rows } = await client.query<{ collation_name: string }>(
      `SELECT "collation_name" FROM information_schema.columns WHERE "table_name" = 'task' AND "column_name" = 'position'`,
    );
    expect(rows).toEqual([{ collation_name: "C" }]);
  });

  // Each refused by the constraint meant for it, not by some other error.
  it.each([
    [
      "a position outside the key alphabet",
      `UPDATE "task" SET "position" = 'a-1' WHERE "user_id" = 'u2'`,
      /task_position_key_format/,
    ],
    [
      "a one-character position",
      `UPDATE "task" SET "position" = 'a' WHERE "user_id" = 'u2'`,
      /task_position_key_format/,
    ],
    [
      "a five-digit year",
      `UPDATE "task" SET "due_date" = DATE '10000-01-01' WHERE "user_id" = 'u2'`,
      /task_due_date_four_digit_year/,
    ],
    [
      "an unknown priority",
      `UPDATE "task" SET "priority" = 'urgent' WHERE "user_id" = 'u2'`,
      /invalid input value for enum task_priority/,
    ],
    [
      "two tasks of one user at one position",
      `UPDATE "task" SET "position" = 'd0000' WHERE "user_id" = 'u1'`,
      /task_user_id_position_key/,
    ],
  ])("refuses %s", async (_, sql, error) => {
    await expect(client.query(sql)).rejects.toThrow(error);
  });
});
