// POST /api/tasks/{id}/move and POST /api/tasks/clear.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Task, task as taskSchema } from "@/lib/task-schemas";
import { call, createTaskFor, dataOf } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

const page = z.object({ data: z.array(taskSchema), next_cursor: z.string().nullable() });

async function manualOrder(user: TestUser): Promise<Task[]> {
  const response = await call("GET", "/api/tasks?sort=manual&limit=100", { token: user.token });
  expect(response.status).toBe(200);
  return page.parse(response.json).data;
}

const titlesOf = (tasks: Task[]) => tasks.map((task) => task.title);

/** A user with tasks "1" (top) … "n" (bottom) in the manual order. */
async function userWithTasks(n: number): Promise<{ user: TestUser; byTitle: Map<string, Task> }> {
  const user = await signUpUser();
  const byTitle = new Map<string, Task>();
  for (let index = n; index >= 1; index--) {
    byTitle.set(String(index), await createTaskFor(user.token, { title: String(index) }));
  }
  return { user, byTitle };
}

function idOf(byTitle: Map<string, Task>, title: string): string {
  const found = byTitle.get(title);
  if (!found) throw new Error(`no task ${title}`);
  return found.id;
}

const move = (user: TestUser, id: string, body: unknown) =>
  call("POST", `/api/tasks/${id}/move`, { token: user.token, body });

describe("POST /api/tasks/:id/move", () => {
  it("puts the task right after after_id, or first with null or no body, writing only that task", async () => {
    const { user, byTitle } = await userWithTasks(4);
    expect(titlesOf(await manualOrder(user))).toEqual(["1", "2", "3", "4"]);
    const others = await manualOrder(user);

    const moved = await move(user, idOf(byTitle, "1"), { after_id: idOf(byTitle, "3") });
    expect(moved.status).toBe(200);
    expect(dataOf(moved)).toMatchObject({ id: idOf(byTitle, "1"), title: "1" });
    expect(titlesOf(await manualOrder(user))).toEqual(["2", "3", "1", "4"]);

    expect((await move(user, idOf(byTitle, "4"), { after_id: null })).status).toBe(200);
    expect(titlesOf(await manualOrder(user))).toEqual(["4", "2", "3", "1"]);
    expect((await move(user, idOf(byTitle, "3"), undefined)).status).toBe(200);
    expect(titlesOf(await manualOrder(user))).toEqual(["3", "4", "2", "1"]);
    expect((await move(user, idOf(byTitle, "3"), { after_id: idOf(byTitle, "1") })).status).toBe(200);
    expect(titlesOf(await manualOrder(user))).toEqual(["4", "2", "1", "3"]);

    // Never renumbered: every task not moved kept its position.
    const after = await manualOrder(user);
    const untouched = others.find((task) => task.title === "2");
    expect(after.find((task) => task.title === "2")?.position).toBe(untouched?.position);
  });

  it("moves a task onto the place it already has without changing the order", async () => {
    const { user, byTitle } = await userWithTasks(3);
    expect((await move(user, idOf(byTitle, "2"), { after_id: idOf(byTitle, "1") })).status).toBe(200);
    expect(titlesOf(await manualOrder(user))).toEqual(["1", "2", "3"]);
  });

  it("changes updated_at but not the other fields", async () => {
    const { user, byTitle } = await userWithTasks(2);
    const before = byTitle.get("2");
    const moved = dataOf(await move(user, idOf(byTitle, "2"), { after_id: null }));
    expect(moved).toMatchObject({ title: "2", created_at: before?.created_at, priority: "none", due_date: null });
    expect(moved.updated_at >= (before?.updated_at ?? "")).toBe(true);
    expect(moved.position).not.toBe(before?.position);
  });

  it("answers 422 at body.after_id to an id that is not one of the caller's tasks, and changes nothing", async () => {
    const { user, byTitle } = await userWithTasks(2);
    const stranger = await signUpUser();
    const theirs = await createTaskFor(stranger.token, { title: "theirs" });
    const before = await manualOrder(user);
    const cases: Array<[unknown, string]> = [
      [{ after_id: theirs.id }, "After id must be one of your tasks"],
      [{ after_id: "0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f" }, "After id must be one of your tasks"],
      [{ after_id: idOf(byTitle, "1") }, "A task cannot be moved after itself"],
      [{ after_id: idOf(byTitle, "1").toUpperCase() }, "A task cannot be moved after itself"],
      [{ after_id: "not-a-uuid" }, "After id must be a task id or null"],
      [{ after_id: 7 }, "After id must be a task id or null"],
    ];
    for (const [body, msg] of cases) {
      const response = await move(user, idOf(byTitle, "1"), body);
      expect({ body, status: response.status, json: response.json }).toEqual({
        body,
        status: 422,
        json: { detail: msg, errors: [{ loc: ["body", "after_id"], msg }] },
      });
    }
    expect(await manualOrder(user)).toEqual(before);
    expect(await manualOrder(stranger)).toEqual([theirs]);
  });

  it("answers 404 for a task that is missing or someone else's, exactly alike", async () => {
    const { user, byTitle } = await userWithTasks(1);
    const stranger = await signUpUser();
    const theirs = await createTaskFor(stranger.token, { title: "theirs" });
    const missing = await move(user, "0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f", { after_id: null });
    const foreign = await move(user, theirs.id, { after_id: idOf(byTitle, "1") });
    const notUuid = await move(user, "nope", { after_id: null });
    for (const response of [missing, foreign, notUuid]) {
      expect({ status: response.status, json: response.json }).toEqual({
        status: 404,
        json: { detail: "Task not found" },
      });
    }
    expect(await manualOrder(stranger)).toEqual([theirs]);
  });

  it("gives 20 concurrent moves on one list distinct positions and one total order", async () => {
    const { user, byTitle } = await userWithTasks(21);
    const anchor = idOf(byTitle, "1");
    // Every one of them aims at the same gap, right after the anchor.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => move(user, idOf(byTitle, String(index + 2)), { after_id: anchor })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const tasks = await manualOrder(user);
    expect(tasks).toHaveLength(21);
    expect(tasks[0]?.title).toBe("1");
    const positions = tasks.map((task) => task.position);
    expect(new Set(positions).size).toBe(21);
    for (let index = 1; index < positions.length; index++) {
      expect((positions[index - 1] ?? "") < (positions[index] ?? "")).toBe(true);
    }
    // Each answer's position is the one the task has now.
    for (const response of responses) {
      const moved = dataOf(response);
      expect(tasks.find((task) => task.id === moved.id)?.position).toBe(moved.position);
    }
  });

  it("keeps positions distinct when creates and moves race", async () => {
    const { user, byTitle } = await userWithTasks(5);
    await Promise.all([
      ...Array.from({ length: 10 }, (_, index) => createTaskFor(user.token, { title: `new ${index}` })),
      ...["1", "2", "3", "4", "5"].map((title) => move(user, idOf(byTitle, title), { after_id: null })),
    ]);
    const positions = (await manualOrder(user)).map((task) => task.position);
    expect(positions).toHaveLength(15);
    expect(new Set(positions).size).toBe(15);
  });
});

describe("POST /api/tasks/:id/move with versions and Idempotency-Key", () => {
  it("answers with the new version as ETag, and refuses a stale If-Match with 412 and the current task", async () => {
    const { user, byTitle } = await userWithTasks(3);
    const id = idOf(byTitle, "3");
    const moved = await call("POST", `/api/tasks/${id}/move`, {
      token: user.token,
      body: { after_id: null },
      headers: { "if-match": '"1"' },
    });
    expect(moved.status).toBe(200);
    const task = dataOf(moved);
    expect(task.version).toBe(2);
    expect(moved.headers.get("etag")).toBe('"2"');

    const stale = await call("POST", `/api/tasks/${id}/move`, {
      token: user.token,
      body: { after_id: idOf(byTitle, "2") },
      headers: { "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe('"2"');
    expect(dataOf(stale)).toEqual(task);
    expect(titlesOf(await manualOrder(user))).toEqual(["3", "1", "2"]);
  });

  it("moves once per Idempotency-Key and replays the answer", async () => {
    const { user, byTitle } = await userWithTasks(3);
    const id = idOf(byTitle, "3");
    const send = () =>
      call("POST", `/api/tasks/${id}/move`, {
        token: user.token,
        body: { after_id: null },
        headers: { "idempotency-key": "move-3-first" },
      });
    const first = await send();
    const repeat = await send();
    expect([first.status, repeat.status]).toEqual([200, 200]);
    expect(repeat.json).toEqual(first.json);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(dataOf(repeat).version).toBe(2);
  });
});

describe("POST /api/tasks/clear", () => {
  it("clears once per Idempotency-Key: a repeat gets the first count", async () => {
    const { user, byTitle } = await userWithTasks(2);
    await call("PATCH", `/api/tasks/${idOf(byTitle, "1")}/complete`, { token: user.token });
    const send = () =>
      call("POST", "/api/tasks/clear", { token: user.token, headers: { "idempotency-key": "clear-1" } });
    const first = await send();
    await call("PATCH", `/api/tasks/${idOf(byTitle, "2")}/complete`, { token: user.token });
    const repeat = await send();
    expect([first.json, repeat.json]).toEqual([{ deleted: 1 }, { deleted: 1 }]);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(titlesOf(await manualOrder(user))).toEqual(["2"]);
  });

  it("deletes the caller's completed tasks only and says how many", async () => {
    const { user, byTitle } = await userWithTasks(4);
    const stranger = await signUpUser();
    const theirs = await createTaskFor(stranger.token, { title: "theirs" });
    await call("PATCH", `/api/tasks/${theirs.id}/complete`, { token: stranger.token });
    for (const title of ["2", "4"]) {
      await call("PATCH", `/api/tasks/${idOf(byTitle, title)}/complete`, { token: user.token });
    }
    const cleared = await call("POST", "/api/tasks/clear", { token: user.token });
    expect({ status: cleared.status, json: cleared.json }).toEqual({ status: 200, json: { deleted: 2 } });
    expect(titlesOf(await manualOrder(user))).toEqual(["1", "3"]);
    expect(titlesOf(await manualOrder(stranger))).toEqual(["theirs"]);

    const again = await call("POST", "/api/tasks/clear", { token: user.token });
    expect({ status: again.status, json: again.json }).toEqual({ status: 200, json: { deleted: 0 } });
  });
});
