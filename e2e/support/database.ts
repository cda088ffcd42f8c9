// A look straight into the e2e server's database, for the checks that the
// API cannot make (a deleted user's rows). Only possible when these tests
// started the server themselves.
import pg from "pg";
import { readE2eState } from "./e2e-env";

export const databaseAvailable = () => readE2eState() !== undefined;

/** How many rows the user still has in "user" and "task". */
export async function rowsOfUser(userId: string): Promise<{ users: number; tasks: number }> {
  const state = readE2eState();
  if (!state) throw new Error("the e2e server's database is not available");
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ users: number; tasks: number }>(
      `SELECT (SELECT count(*) FROM "user" WHERE id = $1)::int AS users,
              (SELECT count(*) FROM "task" WHERE user_id = $1)::int AS tasks`,
      [userId],
    );
    return rows[0] ?? { users: 0, tasks: 0 };
  } finally {
    await client.end();
  }
}

/**
 * Locks the user's completed tasks in a transaction of its own, as a long
 * write elsewhere would: the server's writes to them wait until its statement
 * timeout refuses them (503). Resolves to the function that lets go.
 */
export async function lockCompletedTasks(userId: string): Promise<() => Promise<void>> {
  const state = readE2eState();
  if (!state) throw new Error("the e2e server's database is not available");
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  const release = async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
  await client.query("BEGIN");
  const { rowCount } = await client.query(`SELECT 1 FROM "task" WHERE "user_id" = $1 AND "completed" FOR UPDATE`, [
    userId,
  ]);
  if (rowCount) return release;
  await release();
  throw new Error("no completed task to lock");
}
