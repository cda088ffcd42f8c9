// No statement may hold a connection for long: the server cancels it after
// DATABASE_STATEMENT_TIMEOUT_MS, and the API answers 503 (try again) rather
// than hanging. A row lock held by another session is a real way to get a
// statement stuck.
import { createPrismaClient } from "@todo/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { call, createTaskFor } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

const TIMEOUT_MS = 300;
let user: TestUser;
const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  // Read by server/env.ts on first use, which is after this.
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(TIMEOUT_MS);
  user = await signUpUser();
  await locker.connect();
});

afterAll(async () => {
  await locker.end();
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe("DATABASE_STATEMENT_TIMEOUT_MS", () => {
  it("is set on every connection of the app's pool", async () => {
    const rows = await getDb().$queryRaw<Array<{ statement_timeout: string }>>`SHOW statement_timeout`;
    expect(rows[0]?.statement_timeout).toBe(`${TIMEOUT_MS}ms`);
    await expect(getDb().$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/57014|statement timeout/);
  });

  it("answers 503 + Retry-After, soon after the limit, for a write stuck behind a lock", async () => {
    const task = await createTaskFor(user.token, { title: "Locked" });
    await locker.query("BEGIN");
    try {
      await locker.query(`SELECT 1 FROM "task" WHERE "id" = $1 FOR UPDATE`, [task.id]);
      const { result: stuck, ms } = await timed(() =>
        call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body: { title: "Changed" } }),
      );
      expect({ status: stuck.status, json: stuck.json }).toEqual({
        status: 503,
        json: { detail: "Service temporarily unavailable" },
      });
      expect(stuck.headers.get("retry-after")).toBe("5");
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(ms).toBeLessThan(TIMEOUT_MS + 1_500);
      // Reads do not wait for the lock, and the cancelled connection went back to work.
      expect((await call("GET", `/api/tasks/${task.id}`, { token: user.token })).status).toBe(200);
    } finally {
      await locker.query("ROLLBACK");
    }
    const after = await call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body: { title: "Changed" } });
    expect(after.status).toBe(200);
  });

  it("0 leaves the database's own setting alone", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL ?? "", { statementTimeoutMs: 0 });
    try {
      const rows = await client.$queryRaw<Array<{ statement_timeout: string }>>`SHOW statement_timeout`;
      expect(rows[0]?.statement_timeout).toBe("0");
    } finally {
      await client.$disconnect();
    }
  });
});
