import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { getEnv } from "../env";
import { getAuth } from "./auth";

export type AuthEndpointBody = Record<string, string | boolean>;

export type AuthEndpointResult = { ok: true } | { ok: false; status: number; code?: string | undefined };

// What describes the action's own request body, not the JSON one sent on.
const NOT_FORWARDED = ["content-type", "content-length", "transfer-encoding", "next-action", "next-router-state-tree"];

const errorBody = z.object({ code: z.string().optional() });

/**
 * Runs a Better Auth endpoint for a server action through its HTTP handler,
 * so the action gets everything the route has: the origin check, the rate
 * limit per client address, the body limit and the input checks
 * (`auth.api.*` would skip the first two). The action's request headers go
 * along (cookies, Origin, the proxy's client address), and the cookies Better
 * Auth answers with are set on the action's response.
 */
export async function callAuthEndpoint(path: `/${string}`, body: AuthEndpointBody): Promise<AuthEndpointResult> {
  const forwarded = new Headers(await headers());
  for (const name of NOT_FORWARDED) forwarded.delete(name);
  forwarded.set("content-type", "application/json");
  forwarded.set("accept", "application/json");
  const request = new Request(new URL(`/api/auth${path}`, getEnv().BETTER_AUTH_URL), {
    method: "POST",
    headers: forwarded,
    body: JSON.stringify(body),
  });
  const response = await getAuth().handler(request);
  await applySetCookies(response);
  if (response.ok) return { ok: true };
  const parsed = errorBody.safeParse(await response.json().catch(() => null));
  return { ok: false, status: response.status, code: parsed.success ? parsed.data.code : undefined };
}

async function applySetCookies(response: Response): Promise<void> {
  const setCookie = response.headers.get("set-cookie");
  if (!setCookie) return;
  const jar = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
    jar.set(name, attributes.value, toCookieOptions(attributes));
  }
}
