import "server-only";
import { MAX_BODY_BYTES } from "../http/parse-request";

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

// Counts bytes as they arrive, so a body without Content-Length (or one that
// lies about it) is cut off at the limit instead of being buffered whole.
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > limit || !request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
