// A throw-away PostgreSQL cluster in a temporary folder, for this package's tests.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalPostgres, startLocalPostgres } from "./local-postgres.ts";

export interface TestCluster {
  folder: string;
  dataDir: string;
  postgres: LocalPostgres;
  dispose(): Promise<void>;
}

export async function startTestCluster(database = "test"): Promise<TestCluster> {
  const folder = mkdtempSync(join(tmpdir(), "todo-db-test-"));
  chmodSync(folder, 0o755); // as root, PostgreSQL runs as "postgres" and must enter it
  const dataDir = join(folder, "cluster");
  const postgres = await startLocalPostgres({ dataDir, database, ephemeral: true });
  const cluster: TestCluster = {
    folder,
    dataDir,
    postgres,
    dispose: async () => {
      // The server now running: a test may have stopped the first and started another.
      await cluster.postgres.stop();
      // PostgreSQL may still be writing its last WAL files as it exits.
      rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    },
  };
  return cluster;
}
