import "server-only";
import { APIError } from "better-auth/api";
import { NAME_MAX } from "@/lib/auth-fields";

// Codes and messages in Better Auth's own style; lib/auth-errors.ts words them for people.
const NUL_CHARACTER_NOT_ALLOWED = {
  code: "NUL_CHARACTER_NOT_ALLOWED",
  message: "Text must not contain NUL characters",
} as const;
const NAME_TOO_LONG = { code: "NAME_TOO_LONG", message: `Name must be at most ${NAME_MAX} characters` } as const;
const PASSWORD_REQUIRED = { code: "PASSWORD_REQUIRED", message: "Password is required" } as const;

export interface AuthInput {
  path: string;
  body: unknown;
  query?: unknown;
  /** Path parameters (`/reset-password/:token`) as the router cut them: still percent-encoded. */
  params?: Record<string, string | undefined> | undefined;
}

/** Refuses input Better Auth would store or act on wrongly (see hooks.before in auth.ts). */
export function checkAuthInput({ path, body, query, params = {} }: AuthInput): void {
  // PostgreSQL cannot compare or store U+0000: refused here rather than
  // ending in a 500 wherever a value is looked up (tokens in the query too).
  const decodedParams = Object.values(params).map((segment) => segment && decodePathSegment(segment));
  if ([body, query, decodedParams].some((input) => containsNul(input))) {
    throw APIError.from("BAD_REQUEST", NUL_CHARACTER_NOT_ALLOWED);
  }
  const name = field(body, "name");
  // Code points, as lib/auth-schemas.ts counts them (an emoji is one character).
  if (typeof name === "string" && [...name].length > NAME_MAX) throw APIError.from("BAD_REQUEST", NAME_TOO_LONG);
  // Without a password Better Auth deletes the account of any fresh session:
  // a stolen cookie would be enough. Given one, Better Auth verifies it.
  const password = field(body, "password");
  if (path === "/delete-user" && (typeof password !== "string" || password === "")) {
    throw APIError.from("BAD_REQUEST", PASSWORD_REQUIRED);
  }
}

export function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null && name in body ? Reflect.get(body, name) : undefined;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (typeof value !== "object" || value === null || depth > 8) return false;
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item, depth + 1));
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not valid percent-encoding: Better Auth looks it up as it is
  }
}
