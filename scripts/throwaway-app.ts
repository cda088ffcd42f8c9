// The app as the load scripts (`npm run bench`, `npm run soak`) drive it: the
// production build served as npm start serves it on a throw-away PostgreSQL, with a
// fresh secret. Everything started here stops on the way out, whatever the
// way out is, and the data goes with it.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalPostgres, startLocalPostgres } from "@todo/db/local-postgres";
import { type AppServer, build, startServer } from "./bench-server";
import { migrate } from "./database";
import { fail } from "./fail";

export interface ThrowawayApp {
  /** Where to send requests: 127.0.0.1, no name lookup. */
  url: string;
  /** The app's public origin (BETTER_AUTH_URL), for Origin headers. */
  origin: string;
  /** The process that was started: the only server process, or the cluster's primary. */
  serverPid: number;
  /** The throw-away database's URL (for measurements made in-process). */
  databaseUrl: string;
}

export interface ThrowawayAppOptions {
  /** Names the database and the temporary folder. */
  name: string;
  port: number;
  /** Server processes, as WEB_CONCURRENCY sets them for npm start. */
  processes: number;
  /** Flags for node itself in each server process, e.g. --cpu-prof. */
  nodeFlags: string[];
  skipBuild: boolean;
}

const running: { server?: AppServer; database?: LocalPostgres; folder?: string } = {};

export async function startThrowawayApp(options: ThrowawayAppOptions): Promise<ThrowawayApp> {
  if (!options.skipBuild) await build();
  running.folder = mkdtempSync(join(tmpdir(), `todo-${options.name}-`));
  chmodSync(running.folder, 0o755); // as root, PostgreSQL runs as the "postgres" user and must enter it
  running.database = await startLocalPostgres({
    dataDir: join(running.folder, "cluster"),
    database: options.name,
    ephemeral: true,
  });
  await migrate(running.database.url);
  const origin = `http://localhost:${options.port}`;
  running.server = await startServer(options.port, options.processes, options.nodeFlags, {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: running.database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: origin,
    // Every user signs up from one address.
    AUTH_RATE_LIMIT_MAX: "1000000",
    // A few users send every request: the per-user limit still counts each
    // one (its cost is part of what is measured) but never refuses.
    API_RATE_LIMIT_MAX: "1000000000",
  });
  return {
    url: running.server.url,
    origin,
    serverPid: running.server.process.pid ?? 0,
    databaseUrl: running.database.url,
  };
}

/** Stops the app and removes its data; another may start after it. */
export async function stopThrowawayApp(): Promise<void> {
  await running.server?.stop();
  running.server = undefined;
  await running.database?.stop();
  running.database = undefined;
  removeFolder();
}

function removeFolder(): void {
  if (running.folder) rmSync(running.folder, { recursive: true, force: true });
  running.folder = undefined;
}

/**
 * Runs a script's `main`, then stops the app; exits with main's code (0 when
 * it returns nothing), or 1 with one line on an error.
 */
export function runScript(script: string, main: () => Promise<number | undefined>): void {
  // Ctrl-C or a kill: the server and the database go too, and so does the data.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${script}: ${signal}, stopping`);
      void stopThrowawayApp().finally(() => process.exit(130));
    });
  }
  process.once("exit", () => {
    running.server?.process.kill("SIGKILL");
    removeFolder();
  });
  main().then(
    async (code) => {
      await stopThrowawayApp();
      process.exit(code ?? 0);
    },
    async (error: unknown) => {
      await stopThrowawayApp().catch(() => {});
      fail(script, error);
    },
  );
}
