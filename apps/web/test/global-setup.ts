// One throw-away PostgreSQL cluster per test run, in a temporary folder, with
// the migrations applied exactly as `npm start` applies them.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalPostgres, startLocalPostgres } from "@todo/db/local-postgres";
import { applyMigrations } from "@todo/db/migrate";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    authSecret: string;
    mailOutboxDir: string;
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

let cluster: LocalPostgres | undefined;
let folder: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const configured = process.env.DATABASE_URL;
  if (configured && !LOOPBACK.has(new URL(configured).hostname)) {
    throw new Error("Refusing to run tests with a non-local DATABASE_URL: unset it; tests make their own database.");
  }
  folder = mkdtempSync(join(tmpdir(), "todo-test-"));
  chmodSync(folder, 0o755); // as root, PostgreSQL runs as the "postgres" user and must enter it
  cluster = await startLocalPostgres({
    dataDir: join(folder, "cluster"),
    database: `test_${randomBytes(4).toString("hex")}`,
    ephemeral: true,
  });
  await applyMigrations(cluster.url, fileURLToPath(new URL("../../../prisma/migrations", import.meta.url)));
  project.provide("databaseUrl", cluster.url);
  // One secret for the whole run: Better Auth encrypts its signing keys with it.
  project.provide("authSecret", randomBytes(32).toString("base64url"));
  // Sign-ups send verification e-mails: into this run's folder, not the developer's outbox.
  project.provide("mailOutboxDir", join(folder, "mail"));
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
}
