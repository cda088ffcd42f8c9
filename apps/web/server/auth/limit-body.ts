import "server-only";
import { MAX_BODY_BYTES, readAtMost } from "../http/read-body";

/**
 * The request with its body read into memory, when it is at most the tasks
 * API's 16 KiB; a larger one gets 413 before Better Auth parses it. The
 * answer has Better Auth's error shape (`code`, `message`), like every other
 * answer under /api/auth, so its clients need to understand only one.
 */
// Rebuilt from its parts, never with `new Request(request, …)`: on Node 24 a
// request from Next's own undici is not one the global Request can copy.
export async function limitBody(request: Request, headers: Headers): Promise<Request | Response> {
  if (!request.body) return new Request(request.url, { method: request.method, headers });
  const body = await readAtMost(request, MAX_BODY_BYTES);
  if (!body) {
    return Response.json({ code: "REQUEST_BODY_TOO_LARGE", message: "Request body too large" }, { status: 413 });
  }
  return new Request(request.url, { method: request.method, headers, body });
}
