// npm start / npm run dev: everything a fresh checkout needs before Next runs.
// 1. a development BETTER_AUTH_SECRET, generated once, 2. the local PostgreSQL
// when DATABASE_URL is unset, 3. migrations, 4. a build when it is missing or
// stale (start only), 5. Next itself, stopped with the database on Ctrl-C/SIGTERM.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import nextEnv from "@next/env";
import { migrate, openDatabase, parsePort, root, ScriptError } from "./database";
import { fail } from "./fail";

const webDir = join(root, "apps/web");
const mode = process.argv[2] === "dev" ? "dev" : "start";
const script = mode === "dev" ? "npm run dev" : "npm start";

async function main(): Promise<number> {
  // The same .env files Next reads. Unless production is asked for, that
  // includes .env.development.local, where the development secret lives.
  const production = process.env.NODE_ENV === "production";
  nextEnv.loadEnvConfig(webDir, !production, { info: () => {}, error: console.error });
  const env = process.env;
  const port = parsePort("PORT", env.PORT ?? "3000");
  ensureSecret(env, production);
  await assertPortFree(port);

  const database = await openDatabase(env);
  try {
    const applied = await migrate(database.url);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date");
    if (mode === "start") build();
  } catch (error) {
    await database.stop();
    throw error;
  }

  const baseUrl = env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
  const next = spawnNext(port, { ...env, DATABASE_URL: database.url, BETTER_AUTH_URL: baseUrl });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  void announceWhenReady(port, next);
  const code = await new Promise<number>((resolve) => next.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await database.stop();
  return code;
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

function build(): void {
  // turbo skips the build when nothing it depends on changed.
  const result = spawnSync("npx", ["turbo", "run", "build", "--filter=@todo/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new ScriptError("the build failed (see above).");
}

function spawnNext(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  return spawn(process.execPath, [nextBin, mode, "--port", String(port)], { cwd: webDir, env, stdio: "inherit" });
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
