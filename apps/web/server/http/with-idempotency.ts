import "server-only";
import { createHash } from "node:crypto";
import { getDb, inTransaction } from "../db";
import { purgeExpiredSoon } from "../sync/purge-expired";
import { ApiError } from "./api-error";
import { readLimitedBytes } from "./parse-request";
import type { UserContext } from "./with-user";

// draft-ietf-httpapi-idempotency-key-header: an opaque string; ours is 1–255 printable ASCII characters.
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;
// The stored answer's headers that a replay repeats (with its status and body).
const REPLAYED_HEADERS = ["content-type", "location", "etag"];

const inProgress = () => new ApiError(409, "A request with this Idempotency-Key is in progress");
const reusedKey = () => new ApiError(422, "Idempotency-Key was used for a different request");

/**
 * For POSTs that must not run twice (create, move, clear): compose inside
 * withUser, `withUser(withIdempotency(handler))`. Without an Idempotency-Key
 * the handler runs as usual. With one, the handler's writes and the stored
 * answer commit in ONE transaction, under a transaction-scoped advisory lock
 * on (user, key): a concurrent repeat cannot take the lock (409), a later one
 * finds the answer (replayed with `Idempotent-Replayed: true`, or 422 when
 * the method, path or body differ). An error rolls everything back, so only
 * 2xx answers are stored and a retry after an error runs again.
 */
export function withIdempotency<Params>(handler: (context: UserContext<Params>) => Promise<Response>) {
  return async (context: UserContext<Params>): Promise<Response> => {
    const { request, userId } = context;
    const key = request.headers.get("idempotency-key");
    if (key === null) return handler(context);
    if (!VALID_KEY.test(key)) throw new ApiError(400, "Invalid Idempotency-Key");
    purgeExpiredSoon();
    const body = await readLimitedBytes(request);
    const url = new URL(request.url);
    const fingerprint = sha256(request.method, url.pathname + url.search, body);
    const replayable = new Request(request.url, { method: request.method, headers: request.headers, body });

    return inTransaction(async () => {
      const db = getDb();
      const [lock] = await db.$queryRaw<Array<{ taken: boolean }>>`
        SELECT pg_try_advisory_xact_lock(${lockId(userId, key)}::bigint) AS "taken"`;
      if (!lock?.taken) throw inProgress();
      // A new statement, so a new snapshot: it sees the answer of a holder that committed before we got the lock.
      const stored = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
      if (stored) {
        if (stored.fingerprint !== fingerprint) throw reusedKey();
        return replay(stored);
      }
      const response = await handler({ ...context, request: replayable });
      if (response.ok) {
        const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => headerEntry(response.headers, name)));
        await db.idempotencyKey.create({
          data: { userId, key, fingerprint, status: response.status, body: await response.clone().text(), headers },
        });
      }
      return response;
    });
  };
}

function replay(stored: { status: number; body: string; headers: unknown }): Response {
  const headers = new Headers({ "Idempotent-Replayed": "true" });
  if (typeof stored.headers === "object" && stored.headers !== null) {
    for (const [name, value] of Object.entries(stored.headers)) if (typeof value === "string") headers.set(name, value);
  }
  return new Response(stored.body === "" ? null : stored.body, { status: stored.status, headers });
}

function headerEntry(headers: Headers, name: string): Array<[string, string]> {
  const value = headers.get(name);
  return value === null ? [] : [[name, value]];
}

function sha256(method: string, path: string, body: Uint8Array): string {
  return createHash("sha256").update(`${method}\n${path}\n`).update(body).digest("base64url");
}

// Advisory locks take a bigint: the first 8 bytes of a digest of the scoped key.
function lockId(userId: string, key: string): bigint {
  return createHash("sha256").update(`idempotency\n${userId}\n${key}`).digest().readBigInt64BE(0);
}
