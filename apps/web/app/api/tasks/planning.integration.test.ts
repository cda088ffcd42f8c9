// Planning fields: due dates, priorities and positions on the task, their
// validation, the due filters in the caller's time zone, and the list's sorts.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addDays, todayIn } from "@/lib/calendar-date";
import { task as taskSchema } from "@/lib/task-schemas";
import { call, createTaskFor, dataOf } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

const page = z.object({ data: z.array(taskSchema), next_cursor: z.string().nullable() });

async function list(user: TestUser, query: string) {
  const response = await call("GET", `/api/tasks?${query}`, { token: user.token });
  expect(response.status, response.text).toBe(200);
  return page.parse(response.json).data;
}

const titles = async (user: TestUser, query: string) => (await list(user, query)).map((task) => task.title);

describe("the planning fields", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpUser();
  });

  it("default to no due date, priority none, and a position at the top", async () => {
    const first = await createTaskFor(user.token, { title: "First" });
    const second = await createTaskFor(user.token, { title: "Second" });
    expect(first).toMatchObject({ due_date: null, priority: "none" });
    expect(first.position).toMatch(/^[A-Za-z][0-9A-Za-z]+$/);
    expect(second.position < first.position).toBe(true);
  });

  it("are stored on create and read back as sent", async () => {
    const created = await createTaskFor(user.token, { title: "Dated", due_date: "2026-12-24", priority: "high" });
    expect(created).toMatchObject({ due_date: "2026-12-24", priority: "high" });
    const read = dataOf(await call("GET", `/api/tasks/${created.id}`, { token: user.token }));
    expect(read).toEqual(created);
  });

  it("change with PUT and PATCH; null clears the date; absent leaves both as they are", async () => {
    const task = await createTaskFor(user.token, { title: "Plan", due_date: "2028-02-29", priority: "low" });
    const patched = dataOf(
      await call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body: { priority: "medium" } }),
    );
    expect(patched).toMatchObject({ due_date: "2028-02-29", priority: "medium", position: task.position });
    const put = dataOf(await call("PUT", `/api/tasks/${task.id}`, { token: user.token, body: { title: "Plan" } }));
    expect(put).toMatchObject({ due_date: "2028-02-29", priority: "medium" });
    const cleared = dataOf(
      await call("PUT", `/api/tasks/${task.id}`, { token: user.token, body: { title: "Plan", due_date: null } }),
    );
    expect(cleared).toMatchObject({ due_date: null, priority: "medium" });
  });

  it("ignore position and version in a body, like id and created_at", async () => {
    const task = await createTaskFor(user.token, { title: "Stays" });
    const body = { ...task, title: "Renamed", position: "A0", version: 99 };
    const created = await call("POST", "/api/tasks", { token: user.token, body });
    expect(dataOf(created).position).not.toBe("A0");
    const patched = dataOf(await call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body }));
    expect(patched).toMatchObject({ title: "Renamed", position: task.position });
    expect(patched).not.toHaveProperty("version", 99);
  });
});

describe("invalid planning input", () => {
  let user: TestUser;
  let taskId: string;
  beforeAll(async () => {
    user = await signUpUser();
    taskId = (await createTaskFor(user.token, { title: "Untouched", due_date: "2026-12-01", priority: "low" })).id;
  });

  const DATE = "Due date must be a real date written YYYY-MM-DD";
  const DATE_TYPE = "Due date must be a date (YYYY-MM-DD) or null";
  const PRIORITY = "Priority must be one of none, low, medium, high";
  const cases: Array<[string, object, string, string]> = [
    ["an impossible date", { due_date: "2026-02-30" }, "due_date", DATE],
    ["a date without leading zeros", { due_date: "2026-2-3" }, "due_date", DATE],
    ["a February 29th outside a leap year", { due_date: "2027-02-29" }, "due_date", DATE],
    ["a date with a time", { due_date: "2026-12-24T00:00:00Z" }, "due_date", DATE],
    ["year zero", { due_date: "0000-01-01" }, "due_date", DATE],
    ["a number as the date", { due_date: 20261224 }, "due_date", DATE_TYPE],
    ["an unknown priority", { priority: "urgent" }, "priority", PRIORITY],
    ["a priority in another case", { priority: "High" }, "priority", PRIORITY],
    ["a null priority", { priority: null }, "priority", PRIORITY],
  ];

  for (const [method, path] of [
    ["POST", "/api/tasks"],
    ["PUT", "/api/tasks/ID"],
    ["PATCH", "/api/tasks/ID"],
  ] as const) {
    it.each(cases)(`${method} ${path} answers 422 to %s, and changes nothing`, async (_, fields, field, msg) => {
      const before = await list(user, "limit=100");
      const response = await call(method, path.replace("ID", taskId), {
        token: user.token,
        body: { title: "Changed", ...fields },
      });
      expect({ status: response.status, json: response.json }).toEqual({
        status: 422,
        json: { detail: msg, errors: [{ loc: ["body", field], msg }] },
      });
      expect(await list(user, "limit=100")).toEqual(before);
    });
  }

  it.each([
    ["sort=newest", "sort", "Sort must be one of created, due, priority, manual"],
    ["due=tomorrow", "due", "Due must be overdue, today, upcoming, none, or several of them comma-separated"],
    ["due=today,", "due", "Due must be overdue, today, upcoming, none, or several of them comma-separated"],
    ["tz=Mars/Olympus_Mons", "tz", "Time zone must be an IANA name such as Europe/Paris"],
    ["tz=%2B01:00", "tz", "Time zone must be an IANA name such as Europe/Paris"],
    ["tz=", "tz", "Time zone must be an IANA name such as Europe/Paris"],
  ])("the list answers 422 to %s at query.%s", async (query, field, msg) => {
    const response = await call("GET", `/api/tasks?${query}`, { token: user.token });
    expect({ status: response.status, json: response.json }).toEqual({
      status: 422,
      json: { detail: msg, errors: [{ loc: ["query", field], msg }] },
    });
  });

  it("answers 422 at query.cursor to a cursor used with another sort", async () => {
    await createTaskFor(user.token, { title: "Second" });
    const first = page.parse((await call("GET", "/api/tasks?sort=due&limit=1", { token: user.token })).json);
    expect(first.next_cursor).not.toBeNull();
    for (const sort of ["created", "priority", "manual"]) {
      const response = await call("GET", `/api/tasks?sort=${sort}&cursor=${first.next_cursor}`, {
        token: user.token,
      });
      expect({ status: response.status, json: response.json }).toEqual({
        status: 422,
        json: {
          detail: "Cursor belongs to another sort",
          errors: [{ loc: ["query", "cursor"], msg: "Cursor belongs to another sort" }],
        },
      });
    }
    const same = await call("GET", `/api/tasks?sort=due&cursor=${first.next_cursor}`, { token: user.token });
    expect(same.status).toBe(200);
  });
});

describe("due filters", () => {
  // 25 hours apart: their dates always differ, so each filter shows the zone is used.
  const zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago"];

  it.each(zones)("count days in the caller's time zone (%s)", async (zone) => {
    const user = await signUpUser();
    const today = todayIn(zone);
    const due = (days: number) => addDays(today, days);
    for (const [title, due_date] of [
      ["two days late", due(-2)],
      ["yesterday", due(-1)],
      ["today", due(0)],
      ["tomorrow", due(1)],
      ["in a week", due(7)],
      ["in eight days", due(8)],
      ["someday", null],
    ] as const) {
      await createTaskFor(user.token, { title, due_date });
    }
    const tz = `tz=${encodeURIComponent(zone)}`;
    expect(await titles(user, `${tz}&due=overdue`)).toEqual(["yesterday", "two days late"]);
    expect(await titles(user, `${tz}&due=today`)).toEqual(["today"]);
    expect(await titles(user, `${tz}&due=upcoming`)).toEqual(["in a week", "tomorrow"]);
    expect(await titles(user, `${tz}&due=none`)).toEqual(["someday"]);
    expect(await titles(user, `${tz}&due=overdue,today&sort=due`)).toEqual(["two days late", "yesterday", "today"]);
  });

  it("default to UTC", async () => {
    const user = await signUpUser();
    await createTaskFor(user.token, { title: "today in UTC", due_date: todayIn("UTC") });
    expect(await titles(user, "due=today")).toEqual(["today in UTC"]);
  });

  it("combine with status and search", async () => {
    const user = await signUpUser();
    const today = todayIn("UTC");
    const done = await createTaskFor(user.token, { title: "Pay rent", due_date: today });
    await createTaskFor(user.token, { title: "Pay bills", due_date: today });
    await createTaskFor(user.token, { title: "Walk", due_date: today });
    await call("PATCH", `/api/tasks/${done.id}/complete`, { token: user.token });
    expect(await titles(user, "due=today&status=pending&q=pay")).toEqual(["Pay bills"]);
    expect(await titles(user, "due=today&status=completed")).toEqual(["Pay rent"]);
  });
});

describe("sorts", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpUser();
    for (const [title, due_date, priority] of [
      ["a", "2026-12-03", "low"],
      ["b", null, "high"],
      ["c", "2026-12-01", "none"],
      ["d", "2026-12-03", "high"],
      ["e", null, "medium"],
      ["f", "2026-12-02", "low"],
    ] as const) {
      await createTaskFor(user.token, { title, due_date, priority });
    }
  });

  it("created (the default): newest first", async () => {
    expect(await titles(user, "")).toEqual(["f", "e", "d", "c", "b", "a"]);
    expect(await titles(user, "sort=created")).toEqual(["f", "e", "d", "c", "b", "a"]);
  });

  it("due: earliest first, undated last, ties newest first", async () => {
    expect(await titles(user, "sort=due")).toEqual(["c", "f", "d", "a", "e", "b"]);
  });

  it("priority: high to none, ties newest first", async () => {
    expect(await titles(user, "sort=priority")).toEqual(["d", "b", "e", "f", "a", "c"]);
  });

  it("manual: by position, new tasks on top", async () => {
    const tasks = await list(user, "sort=manual");
    expect(tasks.map((task) => task.title)).toEqual(["f", "e", "d", "c", "b", "a"]);
    const positions = tasks.map((task) => task.position);
    expect([...positions].sort()).toEqual(positions);
  });
});
