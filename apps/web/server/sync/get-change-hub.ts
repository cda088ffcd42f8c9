import "server-only";
import { getEnv } from "../env";
import { ChangeHub } from "./change-hub";

// One hub (one LISTEN connection) per process; in development it survives hot reloads.
const globalForHub = globalThis as typeof globalThis & { todoChangeHub?: ChangeHub };

export function getChangeHub(): ChangeHub {
  if (globalForHub.todoChangeHub) return globalForHub.todoChangeHub;
  const env = getEnv();
  const url = env.DATABASE_URL_UNPOOLED ?? env.DATABASE_URL;
  globalForHub.todoChangeHub = new ChangeHub({
    // Neon's pooler (PgBouncer, transaction mode) accepts LISTEN but delivers nothing: poll instead.
    listenUrl: isPooled(url) ? undefined : url,
    onError: (error) =>
      console.error(JSON.stringify({ level: "warn", message: "live updates: database", error: String(error) })),
  });
  return globalForHub.todoChangeHub;
}

/** Whether the URL names a Neon pooled host (`ep-…-pooler.…`), on which LISTEN cannot work. */
export function isPooled(url: string): boolean {
  try {
    return new URL(url).hostname.split(".")[0]?.endsWith("-pooler") ?? false;
  } catch {
    return false;
  }
}

/** Closes this process's LISTEN connection, if it has one (server shutdown). */
export function closeChangeHub(): Promise<void> {
  return globalForHub.todoChangeHub?.close() ?? Promise.resolve();
}
