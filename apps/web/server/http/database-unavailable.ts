import "server-only";
import { Prisma } from "@todo/db";

// PostgreSQL's answers that mean "not now" rather than "never": a statement
// cancelled by statement_timeout (57014), a server shutting down or starting
// up (57P01–57P03), too many connections (53300).
const TRANSIENT_SQLSTATES = new Set(["57014", "57P01", "57P02", "57P03", "53300"]);

// What Prisma's pg adapter reports when the connection itself failed.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

// Socket failures, on the error or its cause, when they reach us unwrapped.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

// node-postgres' and Prisma's messages for a connection that died or never
// came: a server gone mid-query, a full pool or a connect that took too long.
const UNREACHABLE_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server/i;

/**
 * Whether a thrown error means the database cannot serve us right now (the
 * request may succeed if retried later: 503), as opposed to a bug (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (["P1001", "P1002", "P1017", "P2024"].includes(error.code)) return true;
    const cause = adapterCause(error.meta);
    if (cause) return UNREACHABLE_KINDS.has(cause.kind) || TRANSIENT_SQLSTATES.has(cause.code);
  }
  // Inside an interactive transaction the adapter's error reaches us unwrapped.
  if (error instanceof Error && error.name === "DriverAdapterError") {
    const cause = adapterCause({ driverAdapterError: error });
    if (cause) return UNREACHABLE_KINDS.has(cause.kind) || TRANSIENT_SQLSTATES.has(cause.code);
  }
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = "code" in current ? current.code : undefined;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || TRANSIENT_SQLSTATES.has(code))) return true;
    if (UNREACHABLE_MESSAGES.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

// Prisma keeps the driver's error in meta.driverAdapterError.cause:
// { kind: "postgres", code: <SQLSTATE> } or { kind: "DatabaseNotReachable" }.
function adapterCause(meta: unknown): { kind: string; code: string } | undefined {
  const cause = property(property(meta, "driverAdapterError"), "cause");
  const kind = property(cause, "kind");
  if (typeof kind !== "string") return undefined;
  const code = property(cause, "originalCode") ?? property(cause, "code");
  return { kind, code: typeof code === "string" ? code : "" };
}

function property(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
}
