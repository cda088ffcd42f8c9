import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listTasksQuery } from "@/lib/task-schemas";
import { getAuth } from "@/server/auth/auth";
import { loadTaskBoard } from "@/server/tasks/load-task-board";
import { call, createTaskFor } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

// Every statement node-postgres sends goes through Client#query (the Prisma
// adapter's BEGIN and COMMIT included); the spy only records them.
const query = vi.spyOn(pg.Client.prototype, "query");

// The rate limiter's background sync is not part of any request.
const isBackground = (text: string) => /"api_rate_limit"/.test(text);

function textOf(config: unknown): string {
  if (typeof config === "string") return config;
  if (typeof config === "object" && config !== null && "text" in config && typeof config.text === "string") {
    return config.text;
  }
  return String(config);
}

/** The statements `work` sent, in order. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  query.mockClear();
  await work();
  return query.mock.calls.map(([config]) => textOf(config)).filter((text) => !isBackground(text));
}

let user: TestUser;
let taskId: string;

beforeAll(async () => {
  user = await signUpUser();
  taskId = (await createTaskFor(user.token, { title: "First" })).id;
  await createTaskFor(user.token, { title: "Second" });
  // Once per process, in the background of the first feed read: not counted below.
  await call("GET", "/api/tasks/changes", { token: user.token });
});

describe("one database round trip per /api/tasks* request", () => {
  const expectOne = async (work: () => Promise<{ status: number }>, status: number) => {
    let answer: { status: number } | undefined;
    const statements = await statementsOf(async () => {
      answer = await work();
    });
    expect(answer?.status).toBe(status);
    expect(statements).toHaveLength(1);
  };

  it("GET list", () => expectOne(() => call("GET", "/api/tasks", { token: user.token }), 200));
  it("GET one", () => expectOne(() => call("GET", `/api/tasks/${taskId}`, { token: user.token }), 200));
  it("POST", () => expectOne(() => call("POST", "/api/tasks", { token: user.token, body: { title: "New" } }), 201));
  it("PATCH", () =>
    expectOne(() => call("PATCH", `/api/tasks/${taskId}`, { token: user.token, body: { title: "Renamed" } }), 200));
  it("PUT", () =>
    expectOne(() => call("PUT", `/api/tasks/${taskId}`, { token: user.token, body: { title: "Replaced" } }), 200));
  it("PATCH /complete, toggling and setting", async () => {
    await expectOne(() => call("PATCH", `/api/tasks/${taskId}/complete`, { token: user.token }), 200);
    await expectOne(
      () => call("PATCH", `/api/tasks/${taskId}/complete`, { token: user.token, body: { completed: false } }),
      200,
    );
  });
  it("PATCH with If-Match", () =>
    expectOne(async () => {
      const current = await call("GET", `/api/tasks/${taskId}`, { token: user.token });
      query.mockClear();
      return call("PATCH", `/api/tasks/${taskId}`, {
        token: user.token,
        body: { priority: "high" },
        headers: { "if-match": current.headers.get("etag") ?? "" },
      });
    }, 200));
  it("POST move, first and after another task", async () => {
    const other = await createTaskFor(user.token, { title: "Other" });
    await expectOne(
      () => call("POST", `/api/tasks/${taskId}/move`, { token: user.token, body: { after_id: null } }),
      200,
    );
    await expectOne(
      () => call("POST", `/api/tasks/${taskId}/move`, { token: user.token, body: { after_id: other.id } }),
      200,
    );
  });
  it("POST clear", async () => {
    const done = await createTaskFor(user.token, { title: "Done" });
    await call("PATCH", `/api/tasks/${done.id}/complete`, { token: user.token, body: { completed: true } });
    await expectOne(() => call("POST", "/api/tasks/clear", { token: user.token }), 200);
  });
  it("DELETE", async () => {
    const doomed = await createTaskFor(user.token, { title: "Doomed" });
    await expectOne(() => call("DELETE", `/api/tasks/${doomed.id}`, { token: user.token }), 204);
  });
  it("GET changes", () => expectOne(() => call("GET", "/api/tasks/changes", { token: user.token }), 200));
});

it("gives 20 concurrent POSTs of one user one statement each: none collides on a position and runs again", async () => {
  const racer = await signUpUser();
  let statuses: number[] = [];
  const statements = await statementsOf(async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        call("POST", "/api/tasks", { token: racer.token, body: { title: `Racing ${index}` } }),
      ),
    );
    statuses = answers.map((answer) => answer.status);
  });
  expect(statuses).toEqual(Array(20).fill(201));
  expect(statements).toHaveLength(20);
  expect(statements.filter((text) => /^BEGIN/.test(text))).toEqual([]);
});

it("gives 20 concurrent moves of one user into one gap one statement each: none collides on a position", async () => {
  const racer = await signUpUser();
  const anchor = await createTaskFor(racer.token, { title: "Anchor" });
  const movers: { id: string }[] = [];
  for (let index = 0; index < 20; index++) movers.push(await createTaskFor(racer.token, { title: `Mover ${index}` }));
  let statuses: number[] = [];
  const statements = await statementsOf(async () => {
    const answers = await Promise.all(
      movers.map((task) =>
        call("POST", `/api/tasks/${task.id}/move`, { token: racer.token, body: { after_id: anchor.id } }),
      ),
    );
    statuses = answers.map((answer) => answer.status);
  });
  expect(statuses).toEqual(Array(20).fill(200));
  expect(statements).toHaveLength(20);
});

it("the spy sees a transaction's BEGIN and COMMIT: an idempotent POST sends more than one statement", async () => {
  const statements = await statementsOf(() =>
    call("POST", "/api/tasks", { token: user.token, body: { title: "Keyed" }, headers: { "idempotency-key": "k-1" } }),
  );
  expect(statements[0]).toMatch(/^BEGIN/);
  expect(statements.at(-1)).toMatch(/^COMMIT/);
});

describe("the /tasks page's data", () => {
  // What app/tasks/page.tsx loads: the session from the cookie, then the board.
  async function loadPage(cookie: string, query: Record<string, unknown> = {}) {
    const session = await getAuth().api.getSession({ headers: new Headers({ cookie }) });
    if (!session) throw new Error("no session");
    return loadTaskBoard(session.user.id, listTasksQuery.parse({ limit: 2, ...query }));
  }

  it("takes at most two round trips: the session, then the page and the counts", async () => {
    const statements = await statementsOf(() => loadPage(user.cookie));
    expect(statements.length).toBeLessThanOrEqual(2);
  });

  it("is the API's first page, in every sort, with the counts of the whole list", async () => {
    const reader = await signUpUser();
    for (const title of ["a", "b", "c"]) await createTaskFor(reader.token, { title, priority: "low" });
    const done = await createTaskFor(reader.token, { title: "d", due_date: "2030-01-01" });
    await call("PATCH", `/api/tasks/${done.id}/complete`, { token: reader.token });
    for (const sort of ["created", "due", "priority", "manual"]) {
      const board = await loadPage(reader.cookie, { sort });
      const api = await call("GET", `/api/tasks?limit=2&sort=${sort}`, { token: reader.token });
      expect(board.page).toEqual(api.json);
      expect(board.counts).toEqual({ pending: 3, completed: 1 });
    }
  });

  it("counts with an empty page", async () => {
    const empty = await signUpUser();
    expect(await loadPage(empty.cookie)).toEqual({
      page: { data: [], next_cursor: null },
      counts: { pending: 0, completed: 0 },
    });
    await createTaskFor(empty.token, { title: "open" });
    expect((await loadPage(empty.cookie, { status: "completed" })).counts).toEqual({ pending: 1, completed: 0 });
  });
});
