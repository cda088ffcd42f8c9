// What the task list shows, as it appears in the URL:
// /tasks?status=today&sort=due&q=milk. The server page and the browser read it
// with the same function.
import { addDays } from "./calendar-date";
import { QUERY_MAX } from "./task-limits";
import { isTaskSort, type TaskSort, UPCOMING_DAYS } from "./task-planning";
import type { Task, TaskStatus } from "./task-schemas";

/** Tasks per page, for the server's first render and the browser's later pages alike. */
export const TASK_PAGE_SIZE = 20;

/** The views next to each other above the list: the three statuses, then two of due dates. */
export const TASK_VIEWS = ["all", "pending", "completed", "today", "upcoming"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export interface TaskFilter {
  status: TaskView;
  /** Search text; "" means no search. */
  q: string;
  sort: TaskSort;
}

/** The list query for a filter, in the API's terms: Today and Upcoming are pending tasks by due date. */
export interface TaskListQuery {
  status: TaskStatus;
  due?: string;
  sort: TaskSort;
  q?: string;
}

type ParamValue = string | string[] | null | undefined;

const first = (value: ParamValue) => (Array.isArray(value) ? value[0] : value) ?? "";
const isView = (value: string): value is TaskView => (TASK_VIEWS as readonly string[]).includes(value);

/** A filter from URL parameters; anything unknown falls back to all tasks, newest first. */
export function parseTaskFilter(params: { status?: ParamValue; q?: ParamValue; sort?: ParamValue }): TaskFilter {
  const status = first(params.status);
  const sort = first(params.sort);
  const q = [...first(params.q).trim()].slice(0, QUERY_MAX).join("");
  return { status: isView(status) ? status : "all", q, sort: isTaskSort(sort) ? sort : "created" };
}

export function taskFilterHref(filter: TaskFilter): string {
  const params = new URLSearchParams();
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.sort !== "created") params.set("sort", filter.sort);
  if (filter.q) params.set("q", filter.q);
  const query = params.toString();
  return query ? `/tasks?${query}` : "/tasks";
}

/** A stable identity for a filter, to tell whether the list on screen belongs to it. */
export function taskFilterKey(filter: TaskFilter): string {
  return `${filter.status}\n${filter.sort}\n${filter.q}`;
}

export function taskListQuery(filter: TaskFilter): TaskListQuery {
  const base = { sort: filter.sort, ...(filter.q ? { q: filter.q } : {}) };
  switch (filter.status) {
    case "today":
      return { ...base, status: "pending", due: "overdue,today" };
    case "upcoming":
      return { ...base, status: "pending", due: "upcoming" };
    default:
      return { ...base, status: filter.status };
  }
}

/** Whether the API would list `task` under `filter` on `today` (same rules: status, due date, then text). */
export function taskMatchesFilter(
  task: Pick<Task, "title" | "description" | "completed" | "due_date">,
  filter: TaskFilter,
  today: string,
): boolean {
  if (filter.status === "completed" && !task.completed) return false;
  if (filter.status !== "all" && filter.status !== "completed" && task.completed) return false;
  if (filter.status === "today" && !(task.due_date !== null && task.due_date <= today)) return false;
  if (
    filter.status === "upcoming" &&
    !(task.due_date !== null && task.due_date > today && task.due_date <= addDays(today, UPCOMING_DAYS))
  ) {
    return false;
  }
  if (!filter.q) return true;
  const needle = filter.q.toLowerCase();
  return task.title.toLowerCase().includes(needle) || (task.description ?? "").toLowerCase().includes(needle);
}
