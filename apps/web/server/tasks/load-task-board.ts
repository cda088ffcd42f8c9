import "server-only";
import { Prisma, type Task as TaskRow } from "@todo/db";
import { todayIn } from "@/lib/calendar-date";
import type { TaskCounts } from "@/lib/task-list-state";
import type { ListTasksQuery, TaskPage } from "@/lib/task-schemas";
import { getDb } from "../db";
import { toTaskPage } from "./list-tasks";
import { listTasksSql, ORDER } from "./list-tasks-sql";
import { TASK_COLUMNS } from "./task-columns";

type TaskColumns = Omit<TaskRow, "changeXid">;
interface Counts {
  pendingCount: number;
  completedCount: number;
}
// An empty page's one row has only the counts.
type BoardRow = (TaskColumns | { id: null }) & Counts;

/**
 * What the /tasks page renders first: one page of the list and the counts of
 * pending and completed tasks, in ONE statement. Each row carries the counts;
 * the counts' one row is joined to the page, so a page with no task still
 * answers one row (with null task columns).
 */
export async function loadTaskBoard(
  userId: string,
  query: ListTasksQuery,
  now = new Date(),
): Promise<{ page: TaskPage; counts: TaskCounts }> {
  const rows = await getDb().$queryRaw<BoardRow[]>`
    SELECT ${TASK_COLUMNS}, c."pendingCount", c."completedCount"
    FROM (SELECT count(*) FILTER (WHERE NOT "completed")::integer AS "pendingCount",
                 count(*) FILTER (WHERE "completed")::integer AS "completedCount"
          FROM "task" WHERE "user_id" = ${userId}) AS c
    LEFT JOIN LATERAL (${listTasksSql(userId, query, todayIn(query.tz, now), Prisma.sql`*`)}) AS t ON true
    ORDER BY ${ORDER[query.sort]}`;
  const [first] = rows;
  return {
    page: toTaskPage(
      rows.filter((row): row is TaskColumns & Counts => row.id !== null),
      query,
    ),
    counts: { pending: first?.pendingCount ?? 0, completed: first?.completedCount ?? 0 },
  };
}
