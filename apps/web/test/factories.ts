// Real Better Auth users for tests: each call signs up a new user through the
// app's own auth route and asks it for an API token, as the UI does.
import { randomUUID } from "node:crypto";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";

export const BASE_URL = "http://localhost:3000";

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** The session cookie, ready for a Cookie header. */
  cookie: string;
  /** A Bearer token for the API. */
  token: string;
}

export function authRequest(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; ip?: string } = {},
) {
  const headers = new Headers({ origin: BASE_URL, "x-forwarded-for": init.ip ?? "203.0.113.7" });
  if (init.body !== undefined) headers.set("content-type", "application/json");
  if (init.cookie) headers.set("cookie", init.cookie);
  return new Request(`${BASE_URL}/api/auth${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
}

export async function signUpUser(): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const response = await authPost(authRequest("/sign-up/email", { body: { name: "Test User", email, password } }));
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return { id: user.id, email, password, cookie, token: await issueToken(cookie) };
}

export async function issueToken(cookie: string): Promise<string> {
  const response = await authGet(authRequest("/token", { cookie }));
  if (!response.ok) throw new Error(`token failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
