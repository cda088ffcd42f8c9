import "server-only";
import { corsHeaders } from "./cors";
import { toErrorResponse } from "./to-error-response";

export interface RequestContext<Params> {
  request: Request;
  params: Params;
  requestId: string;
  /** Headers for the answer, whatever it turns out to be (an error included). */
  responseHeaders: Headers;
}

type RouteHandler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

// A caller's own id is echoed when it is short and plain; anything else is replaced.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The frame around every API handler: request id, error mapping, and the
 * headers every /api answer carries (no-store, X-Request-Id, CORS, and those
 * the handler's wrapper put in `responseHeaders`).
 */
export function withRequest<Params = object>(
  handler: (context: RequestContext<Params>) => Promise<Response>,
): RouteHandler<Params> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    const responseHeaders = new Headers();
    let response: Response;
    try {
      response = await handler({ request, params: await context.params, requestId, responseHeaders });
    } catch (error) {
      response = toErrorResponse(error, requestId);
    }
    const headers = response.headers;
    for (const [name, value] of responseHeaders) if (!headers.has(name)) headers.set(name, value);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Request-Id", requestId);
    headers.append("Vary", "Origin");
    for (const [name, value] of Object.entries(corsHeaders(request))) headers.set(name, value);
    return response;
  };
}

/** The caller's own X-Request-Id when it is short and plain, else a new one. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
