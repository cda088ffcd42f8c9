// Property: whatever the interleaving of transactions on several connections
// (commits out of order, rollbacks, creates and deletes between them), a
// reader that applies the changes feed at any moment ends with exactly the
// database's tasks.

import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { signUpUser, type TestUser } from "@/test/factories";
import { connect, FeedReader } from "@/test/sync";

const WRITERS = 3;

type Step =
  | { kind: "read" }
  | { kind: "begin" | "commit" | "rollback" | "insert" | "delete"; writer: number }
  | { kind: "update"; writer: number; pick: number; title: string };

const writer = fc.integer({ min: 0, max: WRITERS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: "read" as const }),
  fc.record({ kind: fc.constantFrom("begin", "commit", "rollback", "insert", "delete" as const), writer }),
  fc.record({
    kind: fc.constant("update" as const),
    writer,
    pick: fc.nat(),
    title: fc.nat().map((n) => `Title ${n}`),
  }),
);

/**
 * One connection's state. Each writer updates only tasks it created, and
 * creates or deletes only outside its own open transaction: those lock the
 * owner's row (the task count), and a test driver that waited on a lock held
 * by a transaction it has yet to step would wait forever.
 */
interface Writer {
  client: pg.Client;
  inTransaction: boolean;
  own: string[];
}

let user: TestUser;
let previous: FeedReader | undefined;
const writers: Writer[] = [];

beforeAll(async () => {
  user = await signUpUser();
  for (let index = 0; index < WRITERS; index++)
    writers.push({ client: await connect(), inTransaction: false, own: [] });
});

afterAll(async () => {
  await Promise.all(writers.map((entry) => entry.client.end()));
});

async function run(steps: Step[], reader: FeedReader): Promise<void> {
  for (const next of steps) {
    if (next.kind === "read") {
      await reader.catchUp(3);
      continue;
    }
    const entry = writers[next.writer];
    if (!entry) throw new Error("no such writer");
    const { client } = entry;
    if (next.kind === "begin" && !entry.inTransaction) {
      await client.query("BEGIN");
      entry.inTransaction = true;
    } else if ((next.kind === "commit" || next.kind === "rollback") && entry.inTransaction) {
      await client.query(next.kind === "commit" ? "COMMIT" : "ROLLBACK");
      entry.inTransaction = false;
    } else if (next.kind === "insert" && !entry.inTransaction) {
      const { rows } = await client.query<{ id: string }>(
        // A random key of the position format: the property never moves a task.
        `INSERT INTO "task" ("id", "user_id", "title", "position") VALUES (gen_random_uuid(), $1, 'new', 'a' || md5(random()::text)) RETURNING "id"`,
        [user.id],
      );
      entry.own.push(...rows.map((row) => row.id));
    } else if (next.kind === "delete" && !entry.inTransaction && entry.own.length > 0) {
      await client.query(`DELETE FROM "task" WHERE "id" = $1`, [entry.own.pop()]);
    } else if (next.kind === "update" && entry.own.length > 0) {
      const id = entry.own[next.pick % entry.own.length];
      await client.query(`UPDATE "task" SET "title" = $1 WHERE "id" = $2`, [next.title, id]);
    }
  }
  for (const entry of writers) {
    if (entry.inTransaction) await entry.client.query("COMMIT");
    entry.inTransaction = false;
    // A rolled-back insert left an id behind that names no task; forget them all.
    const { rows } = await entry.client.query<{ id: string }>(`SELECT "id" FROM "task" WHERE "id" = ANY($1::uuid[])`, [
      entry.own,
    ]);
    entry.own = rows.map((row) => row.id);
  }
}

const snapshot = (tasks: Iterable<{ id: string; title: string; version: number }>) =>
  [...tasks].map(({ id, title, version }) => ({ id, title, version })).sort((a, b) => (a.id < b.id ? -1 : 1));

describe("a reader applying the changes feed", () => {
  it("always ends equal to the database", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), fc.boolean(), async (steps, fromScratch) => {
        // Half the runs continue an earlier reader's cursor, half start over.
        const reader = fromScratch ? new FeedReader(user.token) : (previous ?? new FeedReader(user.token));
        await run(steps, reader);
        const expected = snapshot(await getDb().task.findMany({ where: { userId: user.id } }));
        await expect
          .poll(
            async () => {
              await reader.catchUp(3);
              return snapshot(reader.tasks.values());
            },
            { timeout: 10_000 },
          )
          .toEqual(expected);
        previous = reader;
      }),
      { numRuns: 25 },
    );
  });
});
