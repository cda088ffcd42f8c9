import { isDatabaseReachable } from "@/server/db";
import { otherMethods } from "@/server/http/responses";
import { withRequest } from "@/server/http/with-request";

export const dynamic = "force-dynamic";

// GET /api/health (and /health) — liveness plus a database probe bounded at 2 s; needs no token
export const GET = withRequest(async () => {
  const healthy = await isDatabaseReachable(2_000);
  return Response.json(
    healthy ? { status: "healthy", database: "ok" } : { status: "unhealthy", database: "unreachable" },
    { status: healthy ? 200 : 503 },
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
