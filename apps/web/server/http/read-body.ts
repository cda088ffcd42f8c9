import "server-only";

/** Bodies larger than this are refused: the tasks API's and Better Auth's alike. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The request's body, or undefined when it is larger than `limit` bytes.
 * Counts bytes as they arrive, so a body without Content-Length (or one that
 * lies about it) is cut off at the limit instead of being buffered whole.
 */
export async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return undefined;
  if (!request.body) return new Uint8Array();
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
