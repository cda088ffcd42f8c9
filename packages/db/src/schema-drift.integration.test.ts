import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaDrift } from "./schema-drift.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";

const PRISMA = fileURLToPath(new URL("../../../prisma", import.meta.url));
const MIGRATIONS = join(PRISMA, "migrations");
const SCHEMA = join(PRISMA, "schema.prisma");
let cluster: TestCluster;
let databases = 0;

beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.dispose());

async function freshDatabase(): Promise<string> {
  const name = `drift_${databases++}`;
  await cluster.postgres.createDatabase(name);
  return cluster.postgres.urlFor(name);
}

/** A copy of prisma/ in the cluster's folder (removed with it), with one file's text replaced. */
function editedCopy(file: string, search: string, replacement: string): { migrationsDir: string; schemaPath: string } {
  const dir = mkdtempSync(join(cluster.folder, "prisma-"));
  cpSync(PRISMA, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(search);
  writeFileSync(path, text.replace(search, replacement));
  return { migrationsDir: join(dir, "migrations"), schemaPath: join(dir, "schema.prisma") };
}

describe("findSchemaDrift", () => {
  it("finds nothing between prisma/migrations and prisma/schema.prisma", async () => {
    const drift = await findSchemaDrift({
      databaseUrl: await freshDatabase(),
      migrationsDir: MIGRATIONS,
      schemaPath: SCHEMA,
    });
    // On failure, the message is the SQL a new migration needs (review it before using it).
    expect(drift, `prisma/migrations differ from schema.prisma; the missing SQL:\n${drift}`).toBeNull();
  });

  const INIT = "migrations/20261123120000_init/migration.sql";
  it.each([
    {
      difference: "an index the schema declares and no migration creates",
      file: "schema.prisma",
      search: "@@index([identifier])",
      replacement: "@@index([identifier])\n  @@index([expiresAt])",
      script: 'CREATE INDEX "verification_expires_at_idx" ON "verification"("expires_at");',
    },
    {
      difference: "another column type",
      file: INIT,
      search: '"title" VARCHAR(200) NOT NULL',
      replacement: '"title" VARCHAR(300) NOT NULL',
      script: 'ALTER COLUMN "title" SET DATA TYPE VARCHAR(200);',
    },
    {
      difference: "another foreign-key action",
      file: INIT,
      search: 'REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;\n\n-- AddForeignKey\nALTER TABLE "task"',
      replacement: 'REFERENCES "user"("id") ON DELETE CASCADE;\n\n-- AddForeignKey\nALTER TABLE "task"',
      script:
        'ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;',
    },
    {
      difference: "a missing unique constraint",
      file: INIT,
      search: 'CREATE UNIQUE INDEX "session_token_key" ON "session"("token");',
      replacement: "",
      script: 'CREATE UNIQUE INDEX "session_token_key" ON "session"("token");',
    },
  ])("finds $difference", async ({ file, search, replacement, script }) => {
    const copy = editedCopy(file, search, replacement);
    const drift = await findSchemaDrift({ databaseUrl: await freshDatabase(), ...copy });
    expect(drift).toContain(script);
  });

  // Prisma's schema cannot express CHECK constraints and its diff ignores them:
  // migrate.integration.test.ts proves the ones our migrations add.
  it("ignores CHECK constraints, which only the migrations declare", async () => {
    const copy = editedCopy(INIT, 'ALTER TABLE "task" ADD CONSTRAINT "task_title_not_blank"', "-- ");
    expect(await findSchemaDrift({ databaseUrl: await freshDatabase(), ...copy })).toBeNull();
  });
});
