import "server-only";
import { getEnv } from "../env";
import { ChangeHub } from "./change-hub";

// One hub (one LISTEN connection) per process; in development it survives hot reloads.
const globalForHub = globalThis as typeof globalThis & { todoChangeHub?: ChangeHub };

export function getChangeHub(): ChangeHub {
  if (globalForHub.todoChangeHub) return globalForHub.todoChangeHub;
  const env = getEnv();
  globalForHub.todoChangeHub = new ChangeHub({
    listenUrl: env.DATABASE_URL_UNPOOLED ?? env.DATABASE_URL,
    onError: (error) =>
      console.error(JSON.stringify({ level: "warn", message: "live updates: database", error: String(error) })),
  });
  return globalForHub.todoChangeHub;
}
