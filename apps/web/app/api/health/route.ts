import { isDatabaseReachable } from "@/server/db";

export const dynamic = "force-dynamic";

// GET /api/health (and /health) — liveness plus a database probe bounded at 2 s; needs no token
export async function GET(): Promise<Response> {
  const healthy = await isDatabaseReachable(2_000);
  return Response.json(
    healthy ? { status: "healthy", database: "ok" } : { status: "unhealthy", database: "unreachable" },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
