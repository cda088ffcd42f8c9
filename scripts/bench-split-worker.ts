// Run by bench-split.ts in a process of its own, with the app's modules as
// the server resolves them (react-server conditions, the app's tsconfig
// paths): calls the real route handlers and domain functions on the bench's
// database, one request at a time, and prints, for each workload, the CPU
// microseconds per request of each part. The database's own work is in
// another process and is not counted; waiting is not CPU.
import pg from "pg";
import { PATCH as completeRoute } from "../apps/web/app/api/tasks/[id]/complete/route";
import { GET as getOneRoute } from "../apps/web/app/api/tasks/[id]/route";
import { POST as createRoute, GET as listRoute } from "../apps/web/app/api/tasks/route";
import { listTasksQuery } from "../apps/web/lib/task-schemas";
import { verifyToken } from "../apps/web/server/auth/verify-token";
import { closeDb } from "../apps/web/server/db";
import { completeTask } from "../apps/web/server/tasks/complete-task";
import { createTask } from "../apps/web/server/tasks/create-task";
import { getTask } from "../apps/web/server/tasks/get-task";
import { listTasks } from "../apps/web/server/tasks/list-tasks";
import { toTaskDto } from "../apps/web/server/tasks/to-task-dto";
import type { SplitInput, SplitParts } from "./bench-split";

const ITERATIONS = 400;

/** CPU microseconds of this process per call of `work`, after a warm-up. */
async function cpuPerCall(work: (index: number) => Promise<unknown> | unknown): Promise<number> {
  for (let index = 0; index < ITERATIONS / 4; index++) await work(index);
  const started = process.cpuUsage();
  for (let index = 0; index < ITERATIONS; index++) await work(index);
  const { user, system } = process.cpuUsage(started);
  return (user + system) / ITERATIONS;
}

// Every statement the app sends through node-postgres, recorded while `capturing`.
type QueryArgs = unknown[];
let captured: QueryArgs[] | undefined;
const sendQuery: unknown = Reflect.get(pg.Client.prototype, "query");
if (typeof sendQuery !== "function") throw new Error("pg.Client#query is not a function");
const query = (client: pg.Client, args: QueryArgs): Promise<unknown> => Reflect.apply(sendQuery, client, args);
Reflect.set(pg.Client.prototype, "query", function (this: unknown, ...args: QueryArgs) {
  captured?.push(args);
  return Reflect.apply(sendQuery, this, args);
});

async function statementsOf(work: () => Promise<unknown>): Promise<QueryArgs[]> {
  captured = [];
  await work();
  const statements = captured;
  captured = undefined;
  return statements;
}

interface Workload {
  name: string;
  /** The Request the framework would hand the handler (its making is the framework's cost, not ours). */
  request: () => Request;
  handler: (request: Request) => Promise<Response>;
  domain: () => Promise<unknown>;
  /** A statement argument to make unique on each replay (a new task's id), if any. */
  fresh?: (value: unknown) => unknown;
  /** The wire object(s) the domain function returned, to time their mapping and JSON. */
  body: () => Promise<{ rows: number; json: unknown }>;
}

async function measure(workload: Workload, bare: pg.Client, input: SplitInput): Promise<SplitParts> {
  const statements = await statementsOf(workload.domain);
  // A replayed write may be refused (a position the app picked in JavaScript is
  // taken by the previous replay): an error costs the driver about the same.
  const replay = async () => {
    for (const args of statements) await query(bare, replayable(args, workload.fresh)).catch(() => undefined);
  };
  const { rows, json } = await workload.body();
  const row = rowOf(json);
  const token = await cpuPerCall(() => verifyToken(input.token));
  const making = await cpuPerCall(() => workload.request());
  const handler =
    (await cpuPerCall(async () => {
      const response = await workload.handler(workload.request());
      if (!response.ok) throw new Error(`${workload.name}: HTTP ${response.status}`);
    })) - making;
  const domain = await cpuPerCall(workload.domain);
  const driver = await cpuPerCall(replay);
  const mapping = row ? (await cpuPerCall(() => toTaskDto(row))) * rows : 0;
  const stringify = await cpuPerCall(() => JSON.stringify(json));
  return {
    workload: workload.name,
    statements: statements.length,
    handler,
    token,
    prisma: Math.max(0, domain - driver - mapping),
    driver,
    serialization: mapping + stringify,
    rest: Math.max(0, handler - token - domain - stringify),
  };
}

// A captured call as a promise-returning one: no callback (pg's pool passes
// one), a plain config object, and fresh values where a workload needs them.
function replayable(args: QueryArgs, fresh: ((value: unknown) => unknown) | undefined): QueryArgs {
  const [config, ...rest] = args.filter((arg) => typeof arg !== "function");
  if (typeof config !== "object" || config === null) return [config, ...rest];
  const text: unknown = Reflect.get(config, "text");
  const values: unknown = Reflect.get(config, "values");
  const plain = {
    text,
    values: Array.isArray(values) && fresh ? values.map(fresh) : values,
    rowMode: Reflect.get(config, "rowMode"),
    types: Reflect.get(config, "types"),
  };
  return [plain, ...rest];
}

// A task row as the database hands it to toTaskDto, rebuilt from its wire form.
function rowOf(json: unknown): Parameters<typeof toTaskDto>[0] | undefined {
  const data = typeof json === "object" && json !== null ? Reflect.get(json, "data") : undefined;
  const task = Array.isArray(data) ? data[0] : data;
  if (typeof task !== "object" || task === null) return undefined;
  const text = (name: string) => String(Reflect.get(task, name));
  const due = Reflect.get(task, "due_date");
  return {
    id: text("id"),
    userId: text("user_id"),
    title: text("title"),
    description: typeof Reflect.get(task, "description") === "string" ? text("description") : null,
    completed: Reflect.get(task, "completed") === true,
    dueDate: typeof due === "string" ? new Date(`${due}T00:00:00.000Z`) : null,
    priority: "none",
    position: text("position"),
    createdAt: new Date(text("created_at")),
    updatedAt: new Date(text("updated_at")),
    version: Number(Reflect.get(task, "version")),
  };
}

function workloads(input: SplitInput): Workload[] {
  const { origin, userId, token, taskId } = input;
  const headers = { authorization: `Bearer ${token}` };
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  let created = 0;
  return [
    {
      name: "GET one",
      request: () => new Request(`${origin}/api/tasks/${taskId}`, { headers }),
      handler: (request) => getOneRoute(request, params(taskId)),
      domain: () => getTask(userId, taskId),
      body: async () => ({ rows: 1, json: { data: await getTask(userId, taskId) } }),
    },
    {
      name: "GET list",
      request: () => new Request(`${origin}/api/tasks`, { headers }),
      handler: (request) => listRoute(request, { params: Promise.resolve({}) }),
      domain: () => listTasks(userId, listTasksQuery.parse({})),
      body: async () => {
        const page = await listTasks(userId, listTasksQuery.parse({}));
        return { rows: page.data.length, json: page };
      },
    },
    {
      name: "PATCH complete",
      request: () => new Request(`${origin}/api/tasks/${taskId}/complete`, { method: "PATCH", headers }),
      handler: (request) => completeRoute(request, params(taskId)),
      domain: () => completeTask(userId, taskId, undefined),
      body: async () => ({ rows: 1, json: { data: await completeTask(userId, taskId, undefined) } }),
    },
    {
      name: "POST",
      request: () =>
        new Request(`${origin}/api/tasks`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ title: `Split task ${++created}` }),
        }),
      handler: (request) => createRoute(request, { params: Promise.resolve({}) }),
      domain: () => createTask(userId, { title: `Split task ${++created}` }),
      // The replayed INSERT needs a new id each time.
      fresh: (value) => (typeof value === "string" && UUID.test(value) ? crypto.randomUUID() : value),
      body: async () => ({ rows: 1, json: { data: await createTask(userId, { title: "Split task" }) } }),
    },
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function main(): Promise<void> {
  const input: SplitInput = JSON.parse(process.argv[2] ?? "{}");
  const bare = new pg.Client({ connectionString: input.databaseUrl });
  await bare.connect();
  try {
    let parts: SplitParts[] = [];
    // Twice, keeping the second: the first pass is also the whole process's warm-up.
    for (let pass = 0; pass < 2; pass++) {
      parts = [];
      for (const workload of workloads(input)) parts.push(await measure(workload, bare, input));
    }
    process.stdout.write(`${JSON.stringify(parts)}\n`);
  } finally {
    await bare.end();
    await closeDb();
  }
}

// Timers of the app (the rate limiter's sync) would keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
