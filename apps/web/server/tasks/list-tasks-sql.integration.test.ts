// Each list query reads the user's rows through an index in the order it
// returns them: no scan of the whole table, and no sort of all the user's tasks.
import { Prisma } from "@todo/db";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/cursor";
import { TASK_SORTS, type TaskSort } from "@/lib/task-planning";
import { listTasksQuery } from "@/lib/task-schemas";
import { getDb } from "../db";
import { listTasksSql } from "./list-tasks-sql";

const USER = "explain-target";
const TODAY = "2026-12-01";

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

async function plan(query: Record<string, string>): Promise<PlanNode[]> {
  const sql = listTasksSql(USER, listTasksQuery.parse(query), TODAY);
  const [row] = await getDb().$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
  );
  const root = row?.["QUERY PLAN"][0]?.Plan;
  if (!root) throw new Error("no plan");
  return nodes(root);
}

const INDEX: Record<TaskSort, string> = {
  created: "task_user_id_created_at_id_idx",
  due: "task_user_id_due_date_created_at_id_idx",
  priority: "task_user_id_priority_created_at_id_idx",
  manual: "task_user_id_position_key",
};

const CURSOR: Record<TaskSort, string> = {
  created: encodeCursor({ sort: "created", createdAt: new Date("2026-11-01T00:00:00Z"), id: crypto.randomUUID() }),
  due: encodeCursor({
    sort: "due",
    dueDate: TODAY,
    createdAt: new Date("2026-11-01T00:00:00Z"),
    id: crypto.randomUUID(),
  }),
  priority: encodeCursor({
    sort: "priority",
    priority: "medium",
    createdAt: new Date("2026-11-01T00:00:00Z"),
    id: crypto.randomUUID(),
  }),
  manual: encodeCursor({ sort: "manual", position: "c100" }),
};

beforeAll(async () => {
  // 60 people with 150 tasks each, and the one whose lists are planned with 300:
  // enough rows that the planner's choice is the one it makes for real.
  const db = getDb();
  await db.$executeRaw`INSERT INTO "user" ("id", "name", "email")
    SELECT 'explain-' || g, 'Someone', 'explain-' || g || '@example.test' FROM generate_series(1, 60) AS g
    UNION ALL SELECT ${USER}, 'Target', 'explain-target@example.test'`;
  await db.$executeRaw`INSERT INTO "task" ("id", "user_id", "title", "completed", "due_date", "priority", "position", "created_at")
    SELECT gen_random_uuid(), u.id, 'Task ' || n, n % 3 = 0,
           CASE WHEN n % 4 = 0 THEN NULL ELSE DATE '2026-11-01' + (n % 60) END,
           (ARRAY['none', 'low', 'medium', 'high'])[1 + n % 4]::"task_priority",
           'c' || lpad(n::text, 3, '0'),
           TIMESTAMPTZ '2026-01-01Z' + make_interval(mins => n)
    FROM "user" AS u, generate_series(1, 300) AS n
    WHERE u.id LIKE 'explain-%' AND (u.id = ${USER} OR n <= 150)`;
  await db.$executeRaw`ANALYZE "task"`;
});

describe("list query plans", () => {
  const variants: Array<[string, Record<string, string>]> = [
    ["first page", {}],
    ["pending", { status: "pending" }],
  ];

  for (const sort of TASK_SORTS) {
    it.each(variants)(`sort=${sort}, %s: the user's rows in order from an index, no sort`, async (_, extra) => {
      for (const cursor of [undefined, CURSOR[sort]]) {
        const steps = await plan({ sort, limit: "20", ...extra, ...(cursor ? { cursor } : {}) });
        const types = steps.map((step) => step["Node Type"]);
        expect(types).not.toContain("Seq Scan");
        expect(types).not.toContain("Sort");
        const scan = steps.find((step) => step["Node Type"] === "Index Scan");
        expect(scan?.["Index Cond"]).toContain("user_id");
        if (extra.status === undefined || sort !== "created") expect(scan?.["Index Name"]).toBe(INDEX[sort]);
      }
    });

    // Narrower filters may read the few matching rows by another index and sort
    // just those; still never the whole table.
    it.each([
      ["completed", { status: "completed" }],
      ["a search", { q: "task 1" }],
    ])(`sort=${sort} with %s: the user's rows from an index`, async (_, extra: Record<string, string>) => {
      const steps = await plan({ sort, limit: "20", ...extra });
      expect(steps.map((step) => step["Node Type"])).not.toContain("Seq Scan");
      const scans = steps.filter((step) => /Index/.test(step["Node Type"]));
      expect(scans.length).toBeGreaterThan(0);
      for (const scan of scans) expect(scan["Index Cond"]).toContain("user_id");
    });

    it.each(["today", "overdue", "upcoming", "none", "overdue,today"])(
      `sort=${sort}, due=%s: an index on the user's due dates, sorting at most those rows`,
      async (due) => {
        const steps = await plan({ sort, due, limit: "20" });
        const types = steps.map((step) => step["Node Type"]);
        expect(types).not.toContain("Seq Scan");
        const scans = steps.filter((step) => /Index/.test(step["Node Type"]));
        expect(scans.length).toBeGreaterThan(0);
        for (const scan of scans) expect(scan["Index Cond"]).toContain("user_id");
        // Sorting in memory is only allowed over rows the index already narrowed to the due dates.
        if (types.includes("Sort")) expect(scans.every((scan) => scan["Index Cond"]?.includes("due_date"))).toBe(true);
      },
    );
  }
});
