import { replaceTaskBody, updateTaskBody } from "@/lib/task-schemas";
import { readIfMatch } from "@/server/http/conditional";
import { parseBody } from "@/server/http/parse-request";
import { noContent, otherMethods, taskAnswer } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { deleteTask } from "@/server/tasks/delete-task";
import { getTask } from "@/server/tasks/get-task";
import { updateTask } from "@/server/tasks/update-task";

type Params = { id: string };

// GET /api/tasks/:id — one of the caller's tasks (304 when If-None-Match names its ETag)
export const GET = withUser<Params>(async ({ userId, params }) => taskAnswer(await getTask(userId, params.id)));

// PUT /api/tasks/:id — replace title; description and completed change only when given
export const PUT = withUser<Params>(async ({ userId, params, request }) =>
  taskAnswer(await updateTask(userId, params.id, await parseBody(replaceTaskBody, request), readIfMatch(request))),
);

// PATCH /api/tasks/:id — change any subset of the fields
export const PATCH = withUser<Params>(async ({ userId, params, request }) =>
  taskAnswer(await updateTask(userId, params.id, await parseBody(updateTaskBody, request), readIfMatch(request))),
);

// DELETE /api/tasks/:id
export const DELETE = withUser<Params>(async ({ userId, params, request }) => {
  await deleteTask(userId, params.id, readIfMatch(request));
  return noContent();
});

export const { POST, OPTIONS } = otherMethods(["GET", "PUT", "PATCH", "DELETE"]);
