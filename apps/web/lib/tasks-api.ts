// The tasks API as typed functions for the browser; responses are checked
// against the same zod schema the server answers with.
import { ApiError, apiFetch, readJson } from "./api-client";
import { loadTaskSchemas } from "./load-schemas";
import { TASK_PAGE_SIZE, type TaskFilter, taskListQuery } from "./task-filter";
import type { CreateTaskInput, Task, TaskPage, UpdateTaskInput } from "./task-schemas";

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

// The schemas come with the first answer rather than with the page (load-schemas.ts).
const readTask = async (response: Response): Promise<Task> =>
  (await readJson(response, (await loadTaskSchemas()).taskEnvelope)).data;

export async function fetchTaskPage(
  filter: TaskFilter,
  timeZone: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TaskPage> {
  const { status, due, sort, q } = taskListQuery(filter);
  const params = new URLSearchParams({ status, sort, tz: timeZone, limit: String(TASK_PAGE_SIZE) });
  if (due) params.set("due", due);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const response = await apiFetch(`/api/tasks?${params}`, signal ? { signal } : {});
  return readJson(response, (await loadTaskSchemas()).taskPage);
}

/**
 * One key per attempt of the person: apiFetch's own retry (after a refused
 * token) sends the same key, so a create the server did run is not run twice.
 */
export async function createTaskRequest(input: CreateTaskInput, idempotencyKey = crypto.randomUUID()): Promise<Task> {
  const response = await apiFetch("/api/tasks", {
    method: "POST",
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
  return readTask(response);
}

/** Someone else changed the task since the version an edit was based on. */
export class TaskConflictError extends Error {
  constructor(readonly theirs: Task) {
    super("The task was changed by someone else");
  }
}

/** With `baseVersion`, saves only over that version (If-Match); otherwise throws TaskConflictError. */
export async function updateTaskRequest(id: string, input: UpdateTaskInput, baseVersion?: number): Promise<Task> {
  const headers: Record<string, string> = baseVersion === undefined ? {} : { "If-Match": `"${baseVersion}"` };
  try {
    const response = await apiFetch(taskPath(id), { method: "PATCH", body: input, headers });
    return await readTask(response);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 412)) throw error;
    const theirs = (await loadTaskSchemas()).task.safeParse(error.data);
    if (theirs.success) throw new TaskConflictError(theirs.data);
    throw error;
  }
}

export async function completeTaskRequest(id: string, completed: boolean): Promise<Task> {
  const response = await apiFetch(`${taskPath(id)}/complete`, { method: "PATCH", body: { completed } });
  return readTask(response);
}

/** `keepalive` lets the request outlive the page (a deletion sent as the page closes). */
export async function deleteTaskRequest(id: string, { keepalive = false } = {}): Promise<void> {
  await apiFetch(taskPath(id), { method: "DELETE", keepalive });
}

/** Right after `afterId` in the person's own order, or first when it is null (keyed as createTaskRequest is). */
export async function moveTaskRequest(id: string, afterId: string | null): Promise<Task> {
  const response = await apiFetch(`${taskPath(id)}/move`, {
    method: "POST",
    body: { after_id: afterId },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  return readTask(response);
}

/** Deletes every completed task; resolves to how many there were (keyed as createTaskRequest is). */
export async function clearCompletedRequest({ keepalive = false } = {}): Promise<number> {
  const response = await apiFetch("/api/tasks/clear", {
    method: "POST",
    keepalive,
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  return (await readJson(response, (await loadTaskSchemas()).clearedTasks)).deleted;
}
