// Same-origin calls to /api/* with the Bearer token. A 401 means the token was
// refused (expired, keys rotated): get a new one and retry once; if that is
// refused too, or the session itself is gone, the person signs in again and
// comes back to where they were.
import type * as z from "zod/mini";
import { forgetApiToken, getApiToken, hasSignedOut, SessionExpiredError } from "./api-token";
import type { FieldErrors } from "./field-errors";

/** The API said no, or could not be reached (status 0); `detail` is fit to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: FieldErrors<string> = {},
    /** The body's `data`, when an error carries one (412: the task as the server has it). */
    readonly data: unknown = undefined,
  ) {
    super(detail);
  }
}

const NETWORK_ERROR = "Can't reach the server. Check your connection and try again.";

interface ApiInit {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Let the request finish after the page is gone (sent on pagehide). */
  keepalive?: boolean;
}

export async function apiFetch(path: string, init: ApiInit = {}): Promise<Response> {
  let response = await send(path, init, await tokenOrSignIn());
  if (response.status === 401) {
    forgetApiToken();
    response = await send(path, init, await tokenOrSignIn());
    if (response.status === 401) return signInAgain();
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The JSON body of a successful response, checked against `schema`. */
export async function readJson<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, "The server sent an unexpected answer. Please try again.");
  return parsed.data;
}

async function send(
  path: string,
  { method = "GET", body, signal, keepalive = false, ...init }: ApiInit,
  token: string,
): Promise<Response> {
  const headers = new Headers({ ...init.headers, Authorization: `Bearer ${token}`, Accept: "application/json" });
  if (body !== undefined) headers.set("Content-Type", "application/json");
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
      cache: "no-store",
      keepalive,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, NETWORK_ERROR);
  }
}

async function tokenOrSignIn(): Promise<string> {
  try {
    return await getApiToken();
  } catch (error) {
    if (error instanceof SessionExpiredError) return signInAgain();
    throw new ApiError(0, NETWORK_ERROR);
  }
}

// Never settles: the page is leaving, and an error flashed on the way out
// would only confuse. After "Sign out" the refusal is expected: no detour.
function signInAgain(): Promise<never> {
  forgetApiToken();
  if (hasSignedOut()) return new Promise<never>(() => {});
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
  return new Promise<never>(() => {});
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (!isRecord(body) || typeof body.detail !== "string")
    return new ApiError(response.status, `The server answered ${response.status}. Please try again.`);
  return new ApiError(response.status, body.detail, fieldErrorsIn(body.errors), body.data);
}

/** The contract's 422 details, `[{loc: ["body", field], msg}]`, by field; other entries are skipped. */
function fieldErrorsIn(errors: unknown): FieldErrors<string> {
  const fieldErrors: FieldErrors<string> = {};
  const entries: unknown[] = Array.isArray(errors) ? errors : [];
  for (const entry of entries) {
    if (!isRecord(entry) || !Array.isArray(entry.loc) || typeof entry.msg !== "string") continue;
    const loc: unknown[] = entry.loc;
    const [place, field] = loc;
    if (place === "body" && typeof field === "string") fieldErrors[field] ??= entry.msg;
  }
  return fieldErrors;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
