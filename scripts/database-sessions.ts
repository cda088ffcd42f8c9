// How the connections to a database end, from PostgreSQL's own records, for
// the stop tests: a server that closes its pool on the way out ends each
// session with a Terminate message; one that just exits leaves PostgreSQL to
// find the socket closed, which it counts as an abandoned session.
import pg from "pg";

export interface SessionEnds {
  /** The client went away without saying goodbye (its process ended, say). */
  abandoned: number;
  /** Ended by the server: pg_terminate_backend, or a fast shutdown with sessions still open. */
  killed: number;
  fatal: number;
}

async function query<Row extends Record<string, unknown>>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The cumulative counts for `url`'s database (kept across clean restarts). */
export async function sessionEnds(url: string): Promise<SessionEnds> {
  const [row] = await query<{ abandoned: string; killed: string; fatal: string }>(
    url,
    `SELECT sessions_abandoned AS abandoned, sessions_killed AS killed, sessions_fatal AS fatal
       FROM pg_stat_database WHERE datname = current_database()`,
  );
  if (!row) throw new Error("no statistics for the database");
  return { abandoned: Number(row.abandoned), killed: Number(row.killed), fatal: Number(row.fatal) };
}

/** How many other clients are connected to `url`'s database now. */
export async function otherSessions(url: string): Promise<number> {
  const [row] = await query<{ count: string }>(
    url,
    `SELECT count(*) AS count FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return Number(row?.count);
}
