import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { task as taskSchema } from "@/lib/task-schemas";
import { call, createTaskFor } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

const page = z.object({ data: z.array(taskSchema), next_cursor: z.string().nullable() });

async function list(user: TestUser, query = "") {
  const response = await call("GET", `/api/tasks${query}`, { token: user.token });
  expect(response.status).toBe(200);
  return page.parse(response.json);
}

async function complete(user: TestUser, id: string) {
  expect(
    (await call("PATCH", `/api/tasks/${id}/complete`, { token: user.token, body: { completed: true } })).status,
  ).toBe(200);
}

describe("GET /api/tasks", () => {
  let user: TestUser;
  const titles = ["Buy milk", "Call Mum", "50% off sale", "snake_case rename", "Back\\slash", "Pay RENT"];

  beforeAll(async () => {
    user = await signUpUser();
    for (const title of titles)
      await createTaskFor(user.token, { title, description: title === "Call Mum" ? "About the MILK" : null });
    const all = await list(user);
    const done = all.data.filter((task) => task.title === "Buy milk" || task.title === "Pay RENT");
    for (const task of done) await complete(user, task.id);
  });

  it("lists newest first with no next page when everything fits", async () => {
    const { data, next_cursor } = await list(user);
    expect(data.map((task) => task.title)).toEqual([...titles].reverse());
    expect(next_cursor).toBeNull();
  });

  it.each([
    ["?status=all", 6],
    ["?status=pending", 4],
    ["?status=completed", 2],
  ])("filters by %s", async (query, count) => {
    const { data } = await list(user, query);
    expect(data).toHaveLength(count);
    if (query.endsWith("completed")) expect(data.every((task) => task.completed)).toBe(true);
    if (query.endsWith("pending")) expect(data.every((task) => !task.completed)).toBe(true);
  });

  it.each([
    ["milk", ["Call Mum", "Buy milk"]],
    ["MUM", ["Call Mum"]],
    ["rent", ["Pay RENT"]],
    ["50%", ["50% off sale"]],
    ["%", ["50% off sale"]],
    ["_", ["snake_case rename"]],
    ["\\", ["Back\\slash"]],
    ["nothing like this", []],
  ])("searches title and description for %j, case-insensitively and literally", async (q, expected) => {
    const { data } = await list(user, `?q=${encodeURIComponent(q)}`);
    expect(data.map((task) => task.title)).toEqual(expected);
  });

  it("combines search with status", async () => {
    const { data } = await list(user, "?q=milk&status=completed");
    expect(data.map((task) => task.title)).toEqual(["Buy milk"]);
  });

  it("returns an empty page for a new user", async () => {
    expect(await list(await signUpUser())).toEqual({ data: [], next_cursor: null });
  });
});

describe("pagination", () => {
  it("walks every page in order, no task skipped or repeated while others are created and deleted", async () => {
    const user = await signUpUser();
    const created: string[] = [];
    for (let index = 0; index < 23; index++)
      created.push((await createTaskFor(user.token, { title: `Task ${index}` })).id);
    const newestFirst = [...created].reverse();

    const seen: string[] = [];
    const deleted = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await list(user, `?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...result.data.map((task) => task.id));
      cursor = result.next_cursor;
      pages += 1;
      // Between page reads: a new task (newer than everything: never on a later page)
      // and the deletion of one not yet read.
      await createTaskFor(user.token, { title: `Late ${pages}` });
      const unread = newestFirst.find((id) => !seen.includes(id) && !deleted.has(id));
      if (unread && pages % 2 === 0) {
        expect((await call("DELETE", `/api/tasks/${unread}`, { token: user.token })).status).toBe(204);
        deleted.add(unread);
      }
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(newestFirst.filter((id) => !deleted.has(id)));
    expect(deleted.size).toBeGreaterThan(0);
  });

  it("ends with a null cursor exactly on a full last page", async () => {
    const user = await signUpUser();
    for (let index = 0; index < 4; index++) await createTaskFor(user.token, { title: `T${index}` });
    const first = await list(user, "?limit=2");
    expect(first.next_cursor).not.toBeNull();
    const second = await list(user, `?limit=2&cursor=${first.next_cursor}`);
    expect(second.data).toHaveLength(2);
    expect(second.next_cursor).toBeNull();
  });

  it("honours the default limit of 50", async () => {
    const user = await signUpUser();
    await Promise.all(Array.from({ length: 51 }, (_, index) => createTaskFor(user.token, { title: `Bulk ${index}` })));
    const first = await list(user);
    expect(first.data).toHaveLength(50);
    const rest = await list(user, `?cursor=${first.next_cursor}`);
    expect(rest.data).toHaveLength(1);
    expect(new Set([...first.data, ...rest.data].map((task) => task.id)).size).toBe(51);
  });
});
