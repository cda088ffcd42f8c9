// The database goes away under load and comes back, and the app is not
// restarted: every answer meanwhile is a quick 503 the client can retry, and
// no write the API acknowledged is lost. PostgreSQL really stops (fast
// shutdown: the sessions in flight are ended) while sixteen clients keep
// creating, reading, completing, listing and deleting tasks.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { type ApiResponse, call, dataOf } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";
import { type OwnDatabase, startOwnDatabase } from "@/test/own-database";

type Operation = "create" | "get" | "complete" | "list" | "delete";

interface Outcome {
  operation: Operation;
  /** 0 when the call threw instead of answering. */
  status: number;
  body: unknown;
  retryAfter: string | null;
  startedAt: number;
  endedAt: number;
}

/** What the API acknowledged about a task; undefined: not known (the last write failed). */
interface Acknowledged {
  id: string;
  exists: boolean | undefined;
  completed: boolean | undefined;
}

const USERS = 4;
const CLIENTS_PER_USER = 4;
let database: OwnDatabase;
let users: TestUser[];

beforeAll(async () => {
  database = await startOwnDatabase("outage", { migrate: true });
  // Before the app's first use of its configuration. A few users send hundreds
  // of requests here: the per-user request limit is not what this is about.
  Object.assign(process.env, { DATABASE_URL: database.url, API_RATE_LIMIT_MAX: "1000000" });
  users = await Promise.all(Array.from({ length: USERS }, () => signUpUser()));
});

afterAll(async () => {
  await database.dispose();
});

/** Starts clients that send requests one after another; returns the function that stops them. */
function startLoad(outcomes: Outcome[], acknowledged: Acknowledged[]) {
  let running = true;
  const send = async (
    operation: Operation,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    token: string,
    body?: unknown,
  ) => {
    const startedAt = performance.now();
    let response: ApiResponse | undefined;
    try {
      response = await call(method, path, { token, body });
    } catch (error) {
      outcomes.push({
        operation,
        status: 0,
        body: String(error),
        retryAfter: null,
        startedAt,
        endedAt: performance.now(),
      });
      return undefined;
    }
    const { status, json, headers } = response;
    outcomes.push({
      operation,
      status,
      body: json,
      retryAfter: headers.get("retry-after"),
      startedAt,
      endedAt: performance.now(),
    });
    return response;
  };

  // Each client cycles through the kinds of request on tasks of its own. A
  // task whose delete failed is dropped: whether it exists is not known.
  const client = async ({ token }: TestUser) => {
    const mine: Acknowledged[] = [];
    for (let turn = 0; running; turn++) {
      const task = mine[turn % Math.max(1, mine.length)];
      const kind = task ? turn % 5 : 0;
      if (kind === 0 || !task) {
        const created = await send("create", "POST", "/api/tasks", token, { title: `Under load ${turn}` });
        if (created?.status !== 201) continue;
        const fresh: Acknowledged = { id: dataOf(created).id, exists: true, completed: false };
        acknowledged.push(fresh);
        mine.push(fresh);
      } else if (kind === 1) {
        await send("get", "GET", `/api/tasks/${task.id}`, token);
      } else if (kind === 2) {
        const done = await send("complete", "PATCH", `/api/tasks/${task.id}/complete`, token, { completed: true });
        // Only ever set to true: a failure leaves true as it was, and false unknown.
        if (done?.status === 200) task.completed = true;
        else if (task.completed === false) task.completed = undefined;
      } else if (kind === 3 || turn % 2 === 0) {
        // (Delete on every other round, so each client keeps some tasks.)
        await send("list", "GET", "/api/tasks?limit=5", token);
      } else {
        const deleted = await send("delete", "DELETE", `/api/tasks/${task.id}`, token);
        task.exists = deleted?.status === 204 ? false : undefined;
        mine.splice(mine.indexOf(task), 1);
      }
    }
  };

  const clients = users.flatMap((user) => Array.from({ length: CLIENTS_PER_USER }, () => client(user)));
  return async () => {
    running = false;
    await Promise.all(clients);
  };
}

const succeeded = (outcome: Outcome) => outcome.status >= 200 && outcome.status < 300;
const healthStatus = async () =>
  (await health(new Request("http://localhost:3000/api/health"), { params: Promise.resolve({}) })).status;

async function until(what: string, condition: () => boolean | Promise<boolean>, timeout: number): Promise<void> {
  await vi.waitFor(async () => expect(await condition(), what).toBe(true), { timeout, interval: 50 });
}

/**
 * Load, outage, recovery: each step waits for what it is about to have
 * happened, not for a fixed time. Resolves to when the database stopped, when
 * its restart began and when it was back.
 */
async function outageUnderLoad(outcomes: Outcome[], acknowledged: Acknowledged[]) {
  // Each 503 logs a warning line; many are expected here.
  const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
  const stopLoad = startLoad(outcomes, acknowledged);
  try {
    await until("some tasks for each client", () => acknowledged.length >= 3 * USERS * CLIENTS_PER_USER, 15_000);

    await database.stop();
    const stoppedAt = performance.now();
    const kinds = ["create", "get", "complete", "list", "delete"] as const;
    const failedSinceStop = (operation: Operation) =>
      outcomes.some(
        (outcome) => outcome.operation === operation && outcome.status === 503 && outcome.startedAt > stoppedAt,
      );
    await until("every kind of request answered 503", () => kinds.every(failedSinceStop), 10_000);
    await until("health says unhealthy", async () => (await healthStatus()) === 503, 5_000);
    // Nothing hangs: each of the load's clients has since had several answers.
    const sinceStop = () => outcomes.filter((outcome) => outcome.startedAt > stoppedAt).length;
    await until("200 answers during the outage", () => sinceStop() >= 200, 10_000);

    const restartedAt = performance.now();
    await database.restart();
    const backAt = performance.now();
    await until(
      "200 successes in a row, a delete among them",
      () => {
        const lastFailure = outcomes.findLast((outcome) => !succeeded(outcome));
        const since = outcomes.filter((outcome) => outcome.startedAt > (lastFailure?.endedAt ?? 0));
        return since.length >= 200 && since.some((outcome) => outcome.operation === "delete");
      },
      15_000,
    );
    await until("health says healthy", async () => (await healthStatus()) === 200, 5_000);
    return { stoppedAt, restartedAt, backAt };
  } finally {
    await stopLoad();
    warnings.mockRestore();
  }
}

/** The acknowledged tasks the database does not hold as acknowledged. */
async function lostWrites(acknowledged: Acknowledged[]): Promise<Acknowledged[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; completed: boolean }>(
      `SELECT "id", "completed" FROM "task" WHERE "id" = ANY($1::uuid[])`,
      [acknowledged.map((task) => task.id)],
    );
    const stored = new Map(rows.map((row) => [row.id, row.completed]));
    return acknowledged.filter(
      (task) =>
        (task.exists === true && !stored.has(task.id)) ||
        (task.exists === false && stored.has(task.id)) ||
        (task.exists === true && task.completed !== undefined && stored.get(task.id) !== task.completed),
    );
  } finally {
    await client.end();
  }
}

/** "operation status" → how many, to show with a failure. */
function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const { operation, status } of outcomes) {
    counts.set(`${operation} ${status}`, (counts.get(`${operation} ${status}`) ?? 0) + 1);
  }
  return JSON.stringify(Object.fromEntries(counts));
}

describe("the database stops under load and comes back", () => {
  it("answers 503 + Retry-After within 2 s meanwhile, recovers within 5 s, and loses no acknowledged write", async () => {
    const outcomes: Outcome[] = [];
    const acknowledged: Acknowledged[] = [];
    const { stoppedAt, restartedAt, backAt } = await outageUnderLoad(outcomes, acknowledged);

    // The only failure is the contract's 503, quick, with a reason and a time to retry.
    const failures = outcomes.filter((outcome) => !succeeded(outcome));
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect({ status: failure.status, body: failure.body, retryAfter: failure.retryAfter }, tally(outcomes)).toEqual({
        status: 503,
        body: { detail: "Service temporarily unavailable" },
        retryAfter: "5",
      });
      expect(failure.endedAt - failure.startedAt).toBeLessThan(2_000);
    }
    // Nothing succeeded while the database was down, nothing failed 5 s after it was back.
    const whileDown = (outcome: Outcome) => outcome.startedAt > stoppedAt && outcome.endedAt < restartedAt;
    expect(outcomes.filter((outcome) => whileDown(outcome) && succeeded(outcome))).toEqual([]);
    expect((failures.at(-1)?.startedAt ?? 0) - backAt).toBeLessThan(5_000);

    expect(await lostWrites(acknowledged)).toEqual([]);
    expect(acknowledged.filter((task) => task.exists === true).length).toBeGreaterThan(20);
  }, 90_000);
});
