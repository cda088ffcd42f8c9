import { createTaskBody, listTasksQuery } from "@/lib/task-schemas";
import { parseBody, parseQuery } from "@/server/http/parse-request";
import { okWithEtag, otherMethods, taskCreated } from "@/server/http/responses";
import { withIdempotency } from "@/server/http/with-idempotency";
import { withUser } from "@/server/http/with-user";
import { createTask } from "@/server/tasks/create-task";
import { listTasks } from "@/server/tasks/list-tasks";

// GET /api/tasks — the caller's tasks, newest first, one page at a time
export const GET = withUser(async ({ userId, request }) =>
  okWithEtag(await listTasks(userId, parseQuery(listTasksQuery, request))),
);

// POST /api/tasks — create a task owned by the caller (replayed for a repeated Idempotency-Key)
export const POST = withUser(
  withIdempotency(async ({ userId, request }) =>
    taskCreated(await createTask(userId, await parseBody(createTaskBody, request))),
  ),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET", "POST"]);
