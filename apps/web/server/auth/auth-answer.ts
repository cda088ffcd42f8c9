import "server-only";
import { requestIdOf } from "../http/with-request";

export interface AuthRoute {
  pattern: RegExp;
  methods: string[];
}

/** The routes Better Auth serves under /api/auth, read from its endpoints (`/reset-password/:token` and the like). */
export function authRoutes(api: Record<string, unknown>): AuthRoute[] {
  return Object.values(api).flatMap((endpoint) => {
    const path: unknown = Reflect.get(Object(endpoint), "path");
    const method: unknown = Reflect.get(Object(Reflect.get(Object(endpoint), "options")), "method");
    if (typeof path !== "string") return [];
    const methods = (Array.isArray(method) ? method : [method]).filter((item) => typeof item === "string");
    const pattern = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`);
    return [{ pattern, methods }];
  });
}

/**
 * What every /api/auth answer gets on its way out: X-Request-Id, Retry-After
 * next to Better Auth's own X-Retry-After, and the API's JSON answers where
 * Better Auth's router answers an empty 404: 405 + Allow for a known path
 * asked with another method, `{"detail": "Not found"}` for any other path.
 */
export function finishAuthAnswer(request: Request, answer: Response, routes: AuthRoute[]): Response {
  let response = answer;
  if (answer.status === 404 && !answer.headers.has("content-type")) {
    const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "") || "/";
    const allowed = new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods));
    response =
      allowed.size > 0
        ? Response.json(
            { detail: "Method not allowed" },
            { status: 405, headers: { Allow: [...allowed, "OPTIONS"].join(", ") } },
          )
        : Response.json({ detail: "Not found" }, { status: 404 });
  }
  const headers = new Headers(response.headers);
  headers.set("X-Request-Id", requestIdOf(request));
  // Better Auth answers a rate-limited request with only the non-standard
  // X-Retry-After; clients and proxies read Retry-After (RFC 9110).
  const retryAfter = headers.get("x-retry-after");
  if (response.status === 429 && retryAfter !== null && !headers.has("retry-after"))
    headers.set("retry-after", retryAfter);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
