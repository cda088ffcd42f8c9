// The app as the load scripts (`npm run bench`, `npm run soak`) drive it: the
// production build served as npm start serves it on a throw-away PostgreSQL, with a
// fresh secret. Several servers may serve the same database with the same
// settings at once (the benchmark's one process and N, measured in turns).
// Everything started here stops on the way out, whatever the way out is, and
// the data goes with it.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalPostgres, startLocalPostgres } from "@todo/db/local-postgres";
import { type AppServer, build, startServer } from "./bench-server";
import { migrate } from "./database";
import { fail } from "./fail";

export interface ServedApp {
  /** Where to send requests: 127.0.0.1, no name lookup. */
  url: string;
  /** The process that was started: the only server process, or the cluster's primary. */
  serverPid: number;
  /** Server processes, as WEB_CONCURRENCY sets them for npm start. */
  processes: number;
}

export interface ThrowawayApp extends ServedApp {
  /** The app's public origin (BETTER_AUTH_URL, the first server's), for Origin headers. */
  origin: string;
  /** The throw-away database's URL (for measurements made in-process). */
  databaseUrl: string;
  /** The servers started from `alongside`, in its order. */
  alongside: ServedApp[];
}

export interface ServerPlace {
  port: number;
  processes: number;
}

export interface ThrowawayAppOptions extends ServerPlace {
  /** Names the database and the temporary folder. */
  name: string;
  /** Flags for node itself in each server process, e.g. --cpu-prof. */
  nodeFlags: string[];
  skipBuild: boolean;
  /**
   * More servers on the same database with the same environment and secret,
   * so a user's session and tokens work on every one of them.
   */
  alongside?: ServerPlace[];
}

const running: { servers: AppServer[]; database?: LocalPostgres; folder?: string } = { servers: [] };

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
  const env: NodeJS.ProcessEnv = {
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
    // The benchmark's POST loops on several servers add thousands of tasks
    // per user to the one database: the quota check runs but never refuses.
    MAX_TASKS_PER_USER: "1000000000",
  };
  const [first, ...others] = await startServers([options, ...(options.alongside ?? [])], options.nodeFlags, env);
  if (!first) throw new Error("no server started");
  return { ...first, origin, databaseUrl: running.database.url, alongside: others };
}

// All at once (each waits for its health check); every server that started is
// held for stopping, even when another failed.
async function startServers(places: ServerPlace[], nodeFlags: string[], env: NodeJS.ProcessEnv): Promise<ServedApp[]> {
  const started = await Promise.allSettled(
    places.map(async ({ port, processes }) => {
      const server = await startServer(port, processes, nodeFlags, env);
      running.servers.push(server);
      return { url: server.url, serverPid: server.process.pid ?? 0, processes };
    }),
  );
  return started.map((result) => {
    if (result.status === "rejected") throw result.reason;
    return result.value;
  });
}

/** Stops the app's servers and its database, and removes its data; another may start after it. */
export async function stopThrowawayApp(): Promise<void> {
  const servers = running.servers.splice(0);
  await Promise.all(servers.map((server) => server.stop()));
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
  // Ctrl-C or a kill: the servers and the database go too, and so does the data.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${script}: ${signal}, stopping`);
      void stopThrowawayApp().finally(() => process.exit(130));
    });
  }
  process.once("exit", () => {
    for (const server of running.servers) server.process.kill("SIGKILL");
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
