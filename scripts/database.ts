// The database the scripts work on: DATABASE_URL when it is set, otherwise the
// embedded local PostgreSQL (in .data/postgres unless LOCAL_DATABASE_DIR says
// otherwise), started for as long as needed.
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalPostgres } from "@todo/db/local-postgres";
import { applyMigrations, MigrationError } from "@todo/db/migrate";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A failure with one line a person can act on; scripts print its message only. */
export class ScriptError extends Error {}

export interface Database {
  url: string;
  stop(): Promise<void>;
}

export async function openDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  const dataDir = resolve(root, env.LOCAL_DATABASE_DIR || ".data/postgres");
  const local = await startLocalPostgres({
    dataDir,
    database: "todo",
    detached: true,
    port: env.LOCAL_DATABASE_PORT ? parsePort("LOCAL_DATABASE_PORT", env.LOCAL_DATABASE_PORT) : undefined,
  });
  console.log(`Local PostgreSQL on port ${local.port}, data in ${shortPath(dataDir)}`);
  return { url: local.url, stop: () => local.stop() };
}

/** Applies pending migrations; resolves to the names of those applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  try {
    return await applyMigrations(databaseUrl, join(root, "prisma/migrations"));
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScriptError(`Cannot reach the database in DATABASE_URL (${describeHost(databaseUrl)}): ${reason}`);
  }
}

function shortPath(path: string): string {
  const inside = relative(root, path);
  return inside.startsWith("..") ? path : inside;
}

export function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ScriptError(`${name} must be a port number from 1 to 65535, not "${value}".`);
  }
  return port;
}

function describeHost(databaseUrl: string): string {
  try {
    const { hostname, port } = new URL(databaseUrl);
    return port ? `${hostname}:${port}` : hostname;
  } catch {
    return "not a valid URL";
  }
}
