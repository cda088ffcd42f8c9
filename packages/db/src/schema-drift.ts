// Compares what prisma/migrations builds with what prisma/schema.prisma
// declares, as `prisma migrate diff --from-migrations … --to-schema …` does:
// the migrations are written by hand here, and a difference between the two
// would pass every test yet reach production (`prisma migrate deploy` runs the
// SQL, the client trusts the schema).
import { readFileSync } from "node:fs";
import { applyMigrations } from "./migrate.ts";
import { withSchemaEngine } from "./schema-drift-engine.ts";

export interface SchemaDriftInput {
  /** An empty database: the migrations are applied to it. */
  databaseUrl: string;
  migrationsDir: string;
  schemaPath: string;
}

/**
 * Applies the migrations to the empty database with our runner, then asks
 * Prisma's schema engine for the SQL that would turn that database into what
 * the schema declares. Returns that script, or null when there is nothing to do.
 */
export async function findSchemaDrift({
  databaseUrl,
  migrationsDir,
  schemaPath,
}: SchemaDriftInput): Promise<string | null> {
  await applyMigrations(databaseUrl, migrationsDir);
  const schema = { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { exitCode, stdout } = await engine.diff({
      // The database the engine is connected to: the migrated one.
      from: { tag: "schemaDatasource", files: [schema], configDir: "." },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return exitCode === 0 ? null : (stdout ?? "");
  });
}
