// Idempotency-Key on POST /api/tasks: one task per key, the stored answer
// replayed, nothing stored for errors, the key and the task in one transaction.

import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { purgeExpired } from "@/server/sync/purge-expired";
import { call } from "@/test/api";
import { signUpUser } from "@/test/factories";

const countTasks = (userId: string) => getDb().task.count({ where: { userId } });

function create(token: string, key: string, body: unknown = { title: "Buy milk" }, query = "") {
  return call("POST", `/api/tasks${query}`, { token, body, headers: { "idempotency-key": key } });
}

describe("Idempotency-Key", () => {
  it("creates once and replays the stored answer to a repeat", async () => {
    const user = await signUpUser();
    const key = crypto.randomUUID();
    const first = await create(user.token, key);
    const repeat = await create(user.token, key);
    expect([first.status, repeat.status]).toEqual([201, 201]);
    expect(repeat.json).toEqual(first.json);
    for (const header of ["location", "etag", "content-type"]) {
      expect(repeat.headers.get(header)).toBe(first.headers.get(header));
    }
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await countTasks(user.id)).toBe(1);
  });

  it("answers 422 to the same key with another body or path, and keys are per user", async () => {
    const [user, other] = [await signUpUser(), await signUpUser()];
    const key = "order-42";
    expect((await create(user.token, key)).status).toBe(201);
    for (const answer of [
      await create(user.token, key, { title: "Buy bread" }),
      await create(user.token, key, { title: "Buy milk" }, "?again=1"),
    ]) {
      expect([answer.status, answer.json]).toEqual([
        422,
        { detail: "Idempotency-Key was used for a different request" },
      ]);
    }
    expect((await create(other.token, key)).status).toBe(201);
    expect([await countTasks(user.id), await countTasks(other.id)]).toEqual([1, 1]);
  });

  it("stores no error: a retry with the same key runs again", async () => {
    const user = await signUpUser();
    const key = crypto.randomUUID();
    const refused = await create(user.token, key, {});
    expect(refused.status).toBe(422);
    const retried = await create(user.token, key);
    expect([retried.status, retried.headers.get("idempotent-replayed")]).toEqual([201, null]);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(256)],
    ["not ASCII", "clé"],
    ["a control character", "a\tb"],
  ])("answers a key that is %s with 400", async (_, key) => {
    const user = await signUpUser();
    const answer = await create(user.token, key);
    expect([answer.status, answer.json]).toEqual([400, { detail: "Invalid Idempotency-Key" }]);
    expect(await countTasks(user.id)).toBe(0);
  });

  it("gives 50 concurrent identical requests one task and one answer (409 while in flight)", async () => {
    const user = await signUpUser();
    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => create(user.token, key)));
    expect(await countTasks(user.id)).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    const busy = answers.filter((answer) => answer.status === 409);
    expect(created.length + busy.length).toBe(50);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((answer) => answer.text)).size).toBe(1);
    expect(created.filter((answer) => answer.headers.get("idempotent-replayed") === null)).toHaveLength(1);
    for (const answer of busy) {
      expect(answer.json).toEqual({ detail: "A request with this Idempotency-Key is in progress" });
    }
    const later = await create(user.token, key);
    expect([later.status, later.text, later.headers.get("idempotent-replayed")]).toEqual([
      201,
      created[0]?.text,
      "true",
    ]);
  });

  it("commits the task and its key together: when storing the answer fails, no task remains", async () => {
    const user = await signUpUser();
    const key = `crash-${crypto.randomUUID()}`;
    // Makes storing this one key fail after the task was inserted, as a crash between the two would.
    await getDb().$executeRawUnsafe(
      `ALTER TABLE "idempotency_key" ADD CONSTRAINT "test_refuse_key" CHECK ("key" <> '${key}') NOT VALID`,
    );
    try {
      expect((await create(user.token, key)).status).toBe(500);
    } finally {
      await getDb().$executeRawUnsafe(`ALTER TABLE "idempotency_key" DROP CONSTRAINT "test_refuse_key"`);
    }
    expect(await countTasks(user.id)).toBe(0);
    expect((await create(user.token, key)).status).toBe(201);
    expect(await countTasks(user.id)).toBe(1);
  });

  it("remembers keys for 24 hours, then forgets them", async () => {
    const user = await signUpUser();
    const [kept, expired] = [crypto.randomUUID(), crypto.randomUUID()];
    await create(user.token, kept);
    await create(user.token, expired);
    await getDb().$executeRaw`
      UPDATE "idempotency_key" SET "created_at" = now() - interval '23 hours 59 minutes' WHERE "key" = ${kept}`;
    await getDb().$executeRaw`
      UPDATE "idempotency_key" SET "created_at" = now() - interval '24 hours 1 minute' WHERE "key" = ${expired}`;
    await purgeExpired();
    expect((await create(user.token, kept)).headers.get("idempotent-replayed")).toBe("true");
    expect((await create(user.token, expired)).headers.get("idempotent-replayed")).toBeNull();
    expect(await countTasks(user.id)).toBe(3);
  });
});
