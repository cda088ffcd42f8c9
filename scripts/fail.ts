import { LocalPostgresError } from "@todo/db/local-postgres";
import { MigrationError } from "@todo/db/migrate";
import { ScriptError } from "./database";

/** Ends a script on an error: one line for the failures we expect, no stack trace. */
export function fail(script: string, error: unknown): never {
  const expected =
    error instanceof ScriptError || error instanceof LocalPostgresError || error instanceof MigrationError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${script}: ${expected ? message : `unexpected error: ${message}`}`);
  process.exit(1);
}
