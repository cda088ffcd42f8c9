import { moveTaskBody } from "@/lib/task-schemas";
import { readIfMatch } from "@/server/http/conditional";
import { parseBody } from "@/server/http/parse-request";
import { otherMethods, taskAnswer } from "@/server/http/responses";
import { withIdempotency } from "@/server/http/with-idempotency";
import { withUser } from "@/server/http/with-user";
import { moveTask } from "@/server/tasks/move-task";

// POST /api/tasks/:id/move — right after {"after_id": …} in the manual order, or first with null
export const POST = withUser<{ id: string }>(
  withIdempotency(async ({ userId, params, request }) => {
    const { after_id } = await parseBody(moveTaskBody, request);
    return taskAnswer(await moveTask(userId, params.id, after_id ?? null, readIfMatch(request)));
  }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
