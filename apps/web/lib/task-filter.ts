// What the task list shows, as it appears in the URL: /tasks?status=pending&q=milk.
// The server page and the browser read it with the same function.
import { QUERY_MAX, TASK_STATUSES, type Task, type TaskStatus } from "./task-schemas";

/** Tasks per page, for the server's first render and the browser's later pages alike. */
export const TASK_PAGE_SIZE = 20;

export interface TaskFilter {
  status: TaskStatus;
  /** Search text; "" means no search. */
  q: string;
}

type ParamValue = string | string[] | null | undefined;

const first = (value: ParamValue) => (Array.isArray(value) ? value[0] : value) ?? "";
const isStatus = (value: string): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value);

/** A filter from URL parameters; anything unknown falls back to showing all tasks. */
export function parseTaskFilter(params: { status?: ParamValue; q?: ParamValue }): TaskFilter {
  const status = first(params.status);
  const q = [...first(params.q).trim()].slice(0, QUERY_MAX).join("");
  return { status: isStatus(status) ? status : "all", q };
}

export function taskFilterHref(filter: TaskFilter): string {
  const params = new URLSearchParams();
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.q) params.set("q", filter.q);
  const query = params.toString();
  return query ? `/tasks?${query}` : "/tasks";
}

/** A stable identity for a filter, to tell whether the list on screen belongs to it. */
export function taskFilterKey(filter: TaskFilter): string {
  return `${filter.status}\n${filter.q}`;
}

/** Whether the API would list `task` under `filter` (same rules: status, then case-insensitive text). */
export function taskMatchesFilter(
  task: Pick<Task, "title" | "description" | "completed">,
  filter: TaskFilter,
): boolean {
  if (filter.status === "pending" && task.completed) return false;
  if (filter.status === "completed" && !task.completed) return false;
  if (!filter.q) return true;
  const needle = filter.q.toLowerCase();
  return task.title.toLowerCase().includes(needle) || (task.description ?? "").toLowerCase().includes(needle);
}
