import { createTaskBody, listTasksQuery } from "@/lib/task-schemas";
import { parseBody, parseQuery } from "@/server/http/parse-request";
import { created, ok, otherMethods } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { createTask } from "@/server/tasks/create-task";
import { listTasks } from "@/server/tasks/list-tasks";

// GET /api/tasks — the caller's tasks, newest first, one page at a time
export const GET = withUser(async ({ userId, request }) =>
  ok(await listTasks(userId, parseQuery(listTasksQuery, request))),
);

// POST /api/tasks — create a task owned by the caller
export const POST = withUser(async ({ userId, request }) => {
  const task = await createTask(userId, await parseBody(createTaskBody, request));
  return created({ data: task }, `/api/tasks/${task.id}`);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET", "POST"]);
