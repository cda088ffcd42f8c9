// npm start / npm run dev: everything a fresh checkout needs before Next runs.
// 1. a development BETTER_AUTH_SECRET, generated once, 2. the local PostgreSQL
// when DATABASE_URL is unset, 3. migrations, 4. a build when it is missing or
// stale (start only), 5. Next itself, and on Ctrl-C or SIGTERM (to this process
// or to Next's) Next first, then the database: see stop.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import nextEnv from "@next/env";
import { migrate, openDatabase, parsePort, root, ScriptError } from "./database";
import { fail } from "./fail";
import { nextServerArgs, nextStartArgs, serverEnv } from "./next-server-args";
import { STOP_GRACE_MS, spawnServer, stopRequests, superviseUntilExit } from "./stop";

const webDir = join(root, "apps/web");
const mode = process.argv[2] === "dev" ? "dev" : "start";
const script = mode === "dev" ? "npm run dev" : "npm start";

async function main(): Promise<number> {
  const stop = stopRequests();
  // The same .env files Next reads. Unless production is asked for, that
  // includes .env.development.local, where the development secret lives.
  const production = process.env.NODE_ENV === "production";
  nextEnv.loadEnvConfig(webDir, !production, { info: () => {}, error: console.error });
  const env = process.env;
  const port = parsePort("PORT", env.PORT ?? "3000");
  const workers = mode === "start" ? webConcurrency(env) : 1;
  ensureSecret(env, production);
  await assertPortFree(port);

  const database = await openDatabase(env);
  try {
    const applied = await migrate(database.url);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date");
    if (mode === "start" && !stop.aborted) await build(stop);
    if (stop.aborted) return 0;

    const baseUrl = env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
    const next = spawnNext(port, workers, { ...env, DATABASE_URL: database.url, BETTER_AUTH_URL: baseUrl });
    void announceWhenReady(port, next);
    return await superviseUntilExit(next, stop);
  } finally {
    await database.stop();
  }
}

function ensureSecret(env: NodeJS.ProcessEnv, production: boolean): void {
  if (env.BETTER_AUTH_SECRET) return;
  if (production) {
    throw new ScriptError("BETTER_AUTH_SECRET is required in production (at least 32 random bytes).");
  }
  // Kept for good: Better Auth encrypts its JWT signing keys with this secret.
  // A development file, so a production run never picks it up by accident.
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(
    join(webDir, ".env.development.local"),
    `# Generated once by npm start for local development; keep it, never commit it.\nBETTER_AUTH_SECRET=${secret}\n`,
    { mode: 0o600 },
  );
  env.BETTER_AUTH_SECRET = secret;
  console.log("Generated a development BETTER_AUTH_SECRET in apps/web/.env.development.local");
}

async function build(stop: AbortSignal): Promise<void> {
  // turbo skips the build when nothing it depends on changed.
  const turbo = spawn("npx", ["turbo", "run", "build", "--filter=@todo/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
    signal: stop,
  });
  // Reported through "close" as well: a stop request, or npx missing.
  turbo.on("error", () => {});
  const code = await new Promise<number | null>((resolve) => turbo.once("close", resolve));
  if (code !== 0 && !stop.aborted) throw new ScriptError("the build failed (see above).");
}

function spawnNext(port: number, workers: number, env: NodeJS.ProcessEnv): ChildProcess {
  const options = { cwd: webDir, env };
  if (mode === "start") {
    if (workers > 1) console.log(`Starting ${workers} server processes (WEB_CONCURRENCY)`);
    return spawnServer(process.execPath, nextStartArgs(port, workers), { ...options, env: serverEnv(env) });
  }
  // next dev runs its server in a child process, which it kills 100 ms after
  // passing a stop signal on unless told otherwise: too soon for the server
  // to finish its requests in flight and close its pool and its worker
  // processes, which would outlive it.
  return spawnServer(process.execPath, nextServerArgs("dev", port), {
    ...options,
    env: { ...env, NEXT_EXIT_TIMEOUT_MS: String(STOP_GRACE_MS / 2) },
  });
}

/** Server processes for npm start: WEB_CONCURRENCY, or one per core. */
function webConcurrency(env: NodeJS.ProcessEnv): number {
  if (env.WEB_CONCURRENCY === undefined || env.WEB_CONCURRENCY === "") return availableParallelism();
  const workers = Number(env.WEB_CONCURRENCY);
  if (!Number.isInteger(workers) || workers < 1) {
    throw new ScriptError(`WEB_CONCURRENCY must be a whole number from 1 up, not "${env.WEB_CONCURRENCY}".`);
  }
  return workers;
}

async function announceWhenReady(port: number, next: ChildProcess): Promise<void> {
  const url = `http://localhost:${port}`;
  while (next.exitCode === null) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      console.log(`\nTodo is ready on ${url}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new ScriptError(`port ${port} is in use: stop what uses it or set PORT.`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => fail(script, error),
);
