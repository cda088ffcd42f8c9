import "server-only";
import { Prisma } from "@todo/db";
import { addDays } from "@/lib/calendar-date";
import type { Cursor } from "@/lib/cursor";
import { type DueFilter, type TaskSort, UPCOMING_DAYS } from "@/lib/task-planning";
import type { ListTasksQuery } from "@/lib/task-schemas";
import { TASK_COLUMNS } from "./task-columns";

// Each order ends in a unique key, so pages have one total order, and each
// matches an index that starts with "user_id" (see prisma/schema.prisma).
// "position" is COLLATE "C" in the table itself: byte order.
export const ORDER: Record<TaskSort, Prisma.Sql> = {
  created: Prisma.sql`"created_at" DESC, "id" DESC`,
  due: Prisma.sql`"due_date" ASC NULLS LAST, "created_at" DESC, "id" DESC`,
  priority: Prisma.sql`"priority" DESC, "created_at" DESC, "id" DESC`,
  manual: Prisma.sql`"position" ASC`,
};

/**
 * The query behind GET /api/tasks: one page (plus one row, to tell whether
 * another follows) of the user's tasks. `today` is the date in the caller's
 * time zone. Kept apart from listTasks so a test can EXPLAIN it. `columns`:
 * what to select (the task board's statement selects the table's own names).
 */
export function listTasksSql(
  userId: string,
  query: ListTasksQuery,
  today: string,
  columns: Prisma.Sql = TASK_COLUMNS,
): Prisma.Sql {
  const conditions = [Prisma.sql`"user_id" = ${userId}`];
  if (query.status !== "all") conditions.push(Prisma.sql`"completed" = ${query.status === "completed"}`);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(Prisma.sql`("title" ILIKE ${pattern} OR "description" ILIKE ${pattern})`);
  }
  if (query.due) conditions.push(dueCondition(query.due, today));
  if (query.cursor) conditions.push(afterCursor(query.cursor));
  return Prisma.sql`SELECT ${columns} FROM "task" WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${ORDER[query.sort]} LIMIT ${query.limit + 1}`;
}

function dueCondition(filters: DueFilter[], today: string): Prisma.Sql {
  const day = (date: string) => Prisma.sql`${date}::date`;
  const each: Record<DueFilter, Prisma.Sql> = {
    overdue: Prisma.sql`"due_date" < ${day(today)}`,
    today: Prisma.sql`"due_date" = ${day(today)}`,
    upcoming: Prisma.sql`("due_date" > ${day(today)} AND "due_date" <= ${day(addDays(today, UPCOMING_DAYS))})`,
    none: Prisma.sql`"due_date" IS NULL`,
  };
  return Prisma.sql`(${Prisma.join(
    filters.map((filter) => each[filter]),
    " OR ",
  )})`;
}

/** Rows strictly after the cursor in the cursor's own order. */
function afterCursor(cursor: Cursor): Prisma.Sql {
  if (cursor.sort === "manual") return Prisma.sql`"position" > ${cursor.position}`;
  const older = Prisma.sql`("created_at", "id") < (${cursor.createdAt}, ${cursor.id}::uuid)`;
  switch (cursor.sort) {
    case "created":
      return older;
    case "priority":
      return Prisma.sql`("priority", "created_at", "id") < (${cursor.priority}::"task_priority", ${cursor.createdAt}, ${cursor.id}::uuid)`;
    case "due":
      // Undated tasks come last: after an undated task only older undated ones follow.
      if (cursor.dueDate === null) return Prisma.sql`("due_date" IS NULL AND ${older})`;
      return Prisma.sql`("due_date" > ${cursor.dueDate}::date OR "due_date" IS NULL
        OR ("due_date" = ${cursor.dueDate}::date AND ${older}))`;
  }
}

// ILIKE's pattern characters in the user's text must match literally.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
