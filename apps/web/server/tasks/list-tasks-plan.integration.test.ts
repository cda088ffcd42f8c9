// `q` on a large account must read the user's own rows through an index, never
// scan every user's tasks: the plan of the query listTasks really sends.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@todo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTasksQuery } from "@/lib/task-schemas";
import { signUpUser, type TestUser } from "@/test/factories";
import { listTasks } from "./list-tasks";

// getDb() takes a client left on globalThis; this one reports every query it sends.
const sent: Array<{ query: string; params: string }> = [];
const db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
  log: [{ emit: "event", level: "query" }],
});
db.$on("query", (event) => sent.push(event));
Object.assign(globalThis, { todoDb: db });

let user: TestUser;

beforeAll(async () => {
  const others = await Promise.all([signUpUser(), signUpUser(), signUpUser()]);
  user = await signUpUser();
  for (const owner of [...others, user]) {
    await db.$executeRaw`
      INSERT INTO task (id, user_id, title, description, position)
      SELECT gen_random_uuid(), ${owner.id}, 'Task ' || n, CASE WHEN n % 3 = 0 THEN 'buy milk' END,
             'd' || lpad(n::text, 4, '0')
      FROM generate_series(1, 3000) n`;
  }
  await db.$executeRaw`ANALYZE task`;
});

afterAll(() => db.$disconnect());

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe("the list query's plan", () => {
  it.each(["milk", "task 12"])("searches q=%s within the user's rows, through the user's index", async (q) => {
    sent.length = 0;
    await listTasks(user.id, listTasksQuery.parse({ q }));
    const select = sent.find((event) => /SELECT [\s\S]* FROM ("public"\.)?"task"/.test(event.query));
    expect(select).toBeDefined();
    const params: unknown[] = JSON.parse(select?.params ?? "[]");
    const [row] = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (FORMAT JSON) ${select?.query}`,
      ...params,
    );
    const nodes = nodesOf(row?.["QUERY PLAN"][0]?.Plan ?? { "Node Type": "none" });
    expect(nodes.filter((node) => node["Node Type"] === "Seq Scan")).toEqual([]);
    // An Index Scan names its table; a Bitmap Index Scan only its index (task_…).
    const scan = nodes.find((node) => node["Index Name"]?.startsWith("task_"));
    expect(scan?.["Index Name"]).toMatch(/^task_user_id_/);
    expect(scan?.["Index Cond"]).toContain("user_id");
  });
});
