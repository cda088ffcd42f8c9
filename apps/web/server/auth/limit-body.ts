import "server-only";
import { MAX_BODY_BYTES, readAtMost } from "../http/read-body";

/**
 * The request with its body read into memory, when it is at most the tasks
 * API's 16 KiB; a larger one gets 413 before Better Auth parses it. The
 * answer has Better Auth's error shape (`code`, `message`), like every other
 * answer under /api/auth, so its clients need to understand only one.
 */
export async function limitBody(request: Request): Promise<Request | Response> {
  if (!request.body) return request;
  const body = await readAtMost(request, MAX_BODY_BYTES);
  if (!body) {
    return Response.json({ code: "REQUEST_BODY_TOO_LARGE", message: "Request body too large" }, { status: 413 });
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
