import "server-only";
import { Prisma } from "@todo/db";
import { ApiError, invalidToken, RequestValidationError } from "./api-error";

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

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P03",
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    ["P1001", "P1002", "P1017", "P2024"].includes(error.code)
  ) {
    return true;
  }
  // The pg driver adapter surfaces socket failures with the code on the error or its cause.
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = "code" in current ? current.code : undefined;
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    if (
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database server/i.test(
        current.message,
      )
    ) {
      return true;
    }
    current = current.cause;
  }
  return false;
}
