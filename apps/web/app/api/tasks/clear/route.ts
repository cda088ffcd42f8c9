import { ok, otherMethods } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { clearCompleted } from "@/server/tasks/clear-completed";

// POST /api/tasks/clear — delete the caller's completed tasks
export const POST = withUser(async ({ userId }) => ok(await clearCompleted(userId)));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
