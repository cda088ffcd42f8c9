import { ok, otherMethods } from "@/server/http/responses";
import { withIdempotency } from "@/server/http/with-idempotency";
import { withUser } from "@/server/http/with-user";
import { clearCompleted } from "@/server/tasks/clear-completed";

// POST /api/tasks/clear — delete the caller's completed tasks (replayed for a repeated Idempotency-Key)
export const POST = withUser(withIdempotency(async ({ userId }) => ok(await clearCompleted(userId))));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
