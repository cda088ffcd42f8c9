// A PostgreSQL cluster of one test file's own, for tests that stop, restart
// or break the database. Every other file shares the run's cluster
// (global-setup.ts), which such a test must leave alone.
//
// The app reads DATABASE_URL once per process, on first use (server/env.ts),
// and vitest runs each test file in a fresh module graph: a file that points
// DATABASE_URL here before its first request gets an app of its own.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalPostgres, startLocalPostgres } from "@todo/db/local-postgres";
import { applyMigrations } from "@todo/db/migrate";

const MIGRATIONS = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

export interface OwnDatabase {
  url: string;
  /** Stops PostgreSQL the way an operator would (fast shutdown: sessions are ended). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data; resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export async function startOwnDatabase(database: string, options: { migrate: boolean }): Promise<OwnDatabase> {
  const folder = mkdtempSync(join(tmpdir(), `todo-${database}-`));
  chmodSync(folder, 0o755); // as root, PostgreSQL runs as the "postgres" user and must enter it
  const dataDir = join(folder, "cluster");
  let cluster: LocalPostgres | undefined = await startLocalPostgres({ dataDir, database, ephemeral: true });
  const { url, port } = cluster;
  if (options.migrate) await applyMigrations(url, MIGRATIONS);
  const stop = async () => {
    await cluster?.stop();
    cluster = undefined;
  };
  return {
    url,
    stop,
    restart: async () => {
      cluster = await startLocalPostgres({ dataDir, database, port, ephemeral: true });
    },
    dispose: async () => {
      await stop();
      rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
