import "server-only";
import { ApiError } from "./api-error";
import { preflightHeaders } from "./cors";
import { withRequest } from "./with-request";

export const ok = (data: unknown) => Response.json(data);

export const created = (data: unknown, location: string) =>
  Response.json(data, { status: 201, headers: { Location: location } });

export const noContent = () => new Response(null, { status: 204 });

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Handlers for the methods a path does not support (405 with `Allow`) and for
 * OPTIONS (CORS preflight). Without them Next would answer 405 with no body.
 */
export function otherMethods(supported: readonly Method[]) {
  const allow = [...supported, "OPTIONS"].join(", ");
  const notAllowed = withRequest(async () => {
    throw new ApiError(405, "Method not allowed", { Allow: allow });
  });
  return {
    GET: notAllowed,
    POST: notAllowed,
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
    OPTIONS: withRequest(
      async ({ request }) => new Response(null, { status: 204, headers: preflightHeaders(request, allow) }),
    ),
  };
}
