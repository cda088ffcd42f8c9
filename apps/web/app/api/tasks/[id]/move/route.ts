import { moveTaskBody } from "@/lib/task-schemas";
import { parseBody } from "@/server/http/parse-request";
import { ok, otherMethods } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { moveTask } from "@/server/tasks/move-task";

// POST /api/tasks/:id/move — right after {"after_id": …} in the manual order, or first with null
export const POST = withUser<{ id: string }>(async ({ userId, params, request }) => {
  const { after_id } = await parseBody(moveTaskBody, request);
  return ok({ data: await moveTask(userId, params.id, after_id ?? null) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
