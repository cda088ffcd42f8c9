import "server-only";
import { Prisma } from "@todo/db";
import { ApiError, invalidToken, RequestValidationError } from "./api-error";
import { isDatabaseUnavailable } from "./database-unavailable";

/**
 * The one place that turns a thrown error into the contract's JSON answer.
 * Anything unexpected becomes a bare 500; its cause goes to the server log
 * with the request id, never to the client.
 */
export function toErrorResponse(error: unknown, requestId: string): Response {
  if (error instanceof ApiError) return errorBody(error.status, { detail: error.detail }, error.headers);
  if (error instanceof RequestValidationError) {
    return errorBody(422, { detail: error.message, errors: error.issues });
  }
  // The only foreign key a request can hit is task.user_id: the token's user is gone.
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
    const answer = invalidToken();
    return errorBody(answer.status, { detail: answer.detail }, answer.headers);
  }
  if (isDatabaseUnavailable(error)) {
    // One line, no stack: an outage or a slow query is worth seeing in the log, not a bug.
    console.warn(JSON.stringify({ level: "warn", requestId, error: lastLine(error) }));
    return errorBody(503, { detail: "Service temporarily unavailable" }, { "Retry-After": "5" });
  }
  console.error(
    JSON.stringify({
      level: "error",
      requestId,
      error: error instanceof Error ? (error.stack ?? error.message) : error,
    }),
  );
  return errorBody(500, { detail: "An internal error occurred" });
}

function errorBody(status: number, body: object, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

// Prisma's messages start with the calling code; the cause is on the last line.
function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1) ?? "";
}
