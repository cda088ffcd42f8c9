// The attempt log's purge against the real database.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { attemptKey, purgeAttempts } from "./take-attempt";

async function insert(key: string, newest: number): Promise<void> {
  await getDb().$executeRaw`
    INSERT INTO "attempt_log" ("key", "times", "last_allowed")
    VALUES (${key}, ARRAY[${newest - 5000}, ${newest}]::bigint[], TRUE)`;
}

async function exists(key: string): Promise<boolean> {
  const rows = await getDb().$queryRaw<unknown[]>`SELECT 1 FROM "attempt_log" WHERE "key" = ${key}`;
  return rows.length > 0;
}

describe("purgeAttempts", () => {
  it("deletes the rows of its kind whose newest attempt left the window, and no other", async () => {
    const hourAgo = Date.now() - 3_600_000;
    const stale = attemptKey("sign-in", `stale-${randomUUID()}@example.test`);
    const recent = attemptKey("sign-in", `recent-${randomUUID()}@example.test`);
    const otherKind = attemptKey("verification-mail", `other-${randomUUID()}@example.test`);
    await insert(stale, hourAgo - 1000);
    await insert(recent, Date.now() - 10_000);
    await insert(otherKind, hourAgo - 1000);

    await purgeAttempts("sign-in", 60);
    expect(await exists(stale)).toBe(false);
    expect(await exists(recent)).toBe(true);
    expect(await exists(otherKind)).toBe(true);

    await purgeAttempts("verification-mail", 7200);
    expect(await exists(otherKind)).toBe(true);
    await purgeAttempts("verification-mail", 3600);
    expect(await exists(otherKind)).toBe(false);
  });

  it("deletes at most one batch per statement and says when more may be left", async () => {
    const hourAgo = Date.now() - 3_600_000;
    for (let index = 0; index < 3; index += 1) {
      await insert(attemptKey("reset-password-mail", `batch-${randomUUID()}@example.test`), hourAgo - 1000);
    }
    expect(await purgeAttempts("reset-password-mail", 60, 2)).toBe(true);
    // Other files' stale rows of this kind may be purged as well; the last call deletes fewer than its batch.
    let more = true;
    while (more) more = await purgeAttempts("reset-password-mail", 60, 1000);
    expect(more).toBe(false);
  });
});
