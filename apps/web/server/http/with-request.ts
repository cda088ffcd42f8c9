import "server-only";
import { ifNoneMatchHits } from "./conditional";
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
 * the handler's wrapper put in `responseHeaders`). A GET answer with an ETag
 * that the request's `If-None-Match` names becomes a bodiless 304.
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
    response = notModifiedIfUnchanged(request, response);
    const headers = response.headers;
    for (const [name, value] of responseHeaders) if (!headers.has(name)) headers.set(name, value);
    // A handler may add to no-store (the event stream adds no-transform, which keeps `next start`'s gzip off it).
    if (!/\bno-store\b/.test(headers.get("cache-control") ?? "")) headers.set("Cache-Control", "no-store");
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

function notModifiedIfUnchanged(request: Request, response: Response): Response {
  const etag = response.headers.get("etag");
  if (request.method !== "GET" || response.status !== 200 || !etag || !ifNoneMatchHits(request, etag)) {
    return response;
  }
  return new Response(null, { status: 304, headers: response.headers });
}
