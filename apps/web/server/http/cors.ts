import "server-only";
import { getEnv } from "../env";

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
const ALLOWED_HEADERS = "Authorization, Content-Type";
const EXPOSED_HEADERS = "Location, Retry-After, RateLimit, RateLimit-Policy, X-Request-Id";

/** CORS headers for a listed origin; none at all for any other. */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin || !getEnv().corsOrigins.includes(origin)) return {};
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED_HEADERS };
}

/** The answer to OPTIONS: a CORS preflight for listed origins, otherwise just `Allow`. */
export function preflightHeaders(request: Request, allow: string): Record<string, string> {
  const cors = corsHeaders(request);
  if (!cors["Access-Control-Allow-Origin"]) return { Allow: allow };
  return {
    ...cors,
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": ALLOWED_HEADERS,
    "Access-Control-Max-Age": "600",
  };
}
