import "server-only";
import type { Task as TaskRow } from "@todo/db";
import { todayIn } from "@/lib/calendar-date";
import { type Cursor, encodeCursor } from "@/lib/cursor";
import type { TaskSort } from "@/lib/task-planning";
import type { ListTasksQuery, TaskPage } from "@/lib/task-schemas";
import { getDb } from "../db";
import { invalidToken } from "../http/api-error";
import { listTasksSql } from "./list-tasks-sql";
import { userExists } from "./not-found";
import { toTaskDto } from "./to-task-dto";

/** One page of the user's tasks in the query's sort, continuing after `query.cursor`. */
export async function listTasks(userId: string, query: ListTasksQuery, now = new Date()): Promise<TaskPage> {
  const rows = await getDb().$queryRaw<Omit<TaskRow, "changeXid">[]>(
    listTasksSql(userId, query, todayIn(query.tz, now)),
  );
  // An empty first page may mean the token's user was deleted: that answers 401.
  if (rows.length === 0 && !query.cursor && !(await userExists(userId))) throw invalidToken();
  return toTaskPage(rows, query);
}

/** The page of `rows` (the list statement's: one more than the page when another follows). */
export function toTaskPage(rows: Omit<TaskRow, "changeXid">[], query: ListTasksQuery): TaskPage {
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toTaskDto),
    next_cursor: rows.length > query.limit && last ? encodeCursor(cursorAfter(query.sort, last)) : null,
  };
}

function cursorAfter(sort: TaskSort, row: Omit<TaskRow, "changeXid">): Cursor {
  const newest = { createdAt: row.createdAt, id: row.id };
  switch (sort) {
    case "created":
      return { sort, ...newest };
    case "due":
      return { sort, dueDate: toTaskDto(row).due_date, ...newest };
    case "priority":
      return { sort, priority: row.priority, ...newest };
    case "manual":
      return { sort, position: row.position };
  }
}
