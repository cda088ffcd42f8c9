// The pool against a real PostgreSQL that ends connections under it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPool } from "./pool.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.dispose());

describe("createPool", () => {
  it("survives the server ending a checked-out connection: no uncaught error, the holder's next query fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pool = createPool(cluster.postgres.url, { max: 2 });
    const held = await pool.connect();
    const { rows } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const admin = new pg.Client({ connectionString: cluster.postgres.url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
      // Without a listener, the FATAL 57P01 the server sends is thrown as an uncaught exception here.
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining("database connection ended")), {
        timeout: 5_000,
      });
      await expect(held.query("SELECT 1")).rejects.toThrow();
      held.release(true);
      expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await pool.end();
      warn.mockRestore();
    }
  });

  it("survives the server ending an idle connection: no uncaught error, the next query gets a new one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pool = createPool(cluster.postgres.url, { max: 1 });
    const admin = new pg.Client({ connectionString: cluster.postgres.url });
    await admin.connect();
    try {
      const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      expect(pool.idleCount).toBe(1);
      await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
      await vi.waitFor(() => expect(pool.idleCount).toBe(0), { timeout: 5_000 });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("database connection ended"));
      const next = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      expect(next.rows[0]?.pid).not.toBe(rows[0]?.pid);
    } finally {
      await admin.end();
      await pool.end();
      warn.mockRestore();
    }
  });
});
