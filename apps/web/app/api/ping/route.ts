import { otherMethods } from "@/server/http/responses";
import { withRequest } from "@/server/http/with-request";

// GET /api/ping — liveness without touching the database (health checks the
// database too); also the benchmark's baseline: the framework's own floor.
export const GET = withRequest(async () => Response.json({ status: "ok" }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
