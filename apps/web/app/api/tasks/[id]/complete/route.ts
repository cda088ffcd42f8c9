import { completeTaskBody } from "@/lib/task-schemas";
import { readIfMatch } from "@/server/http/conditional";
import { parseBody } from "@/server/http/parse-request";
import { otherMethods, taskAnswer } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { completeTask } from "@/server/tasks/complete-task";

// PATCH /api/tasks/:id/complete — set completion with {"completed": …}, toggle without
export const PATCH = withUser<{ id: string }>(async ({ userId, params, request }) => {
  const { completed } = await parseBody(completeTaskBody, request);
  return taskAnswer(await completeTask(userId, params.id, completed, readIfMatch(request)));
});

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods(["PATCH"]);
