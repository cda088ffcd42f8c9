// A Vercel preview deployment answers on its branch URL and on its own
// deployment URL, both unknown until it is deployed. Better Auth and the API
// must follow exactly those hosts — and no other *.vercel.app site.
import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const BRANCH_HOST = "todo-git-feature-login-acme.vercel.app";
const DEPLOYMENT_HOST = "todo-k2j3h4g5f-acme.vercel.app";
const PREVIEW_ENV = {
  VERCEL: "1",
  VERCEL_ENV: "preview",
  VERCEL_URL: DEPLOYMENT_HOST,
  VERCEL_BRANCH_URL: BRANCH_HOST,
  VERCEL_PROJECT_PRODUCTION_URL: "todo.example.com",
  // Set for all environments by mistake: a preview must not use it.
  BETTER_AUTH_URL: "https://todo.example.com",
};

type App = Awaited<ReturnType<typeof loadApp>>;

/** A fresh instance of the app's auth route and verifier, configured by `env`. */
async function loadApp(env: Record<string, string>) {
  vi.resetModules();
  for (const name of Object.keys(PREVIEW_ENV)) delete process.env[name];
  Object.assign(process.env, env);
  const route = await import("@/app/api/auth/[...all]/route");
  const { verifyToken } = await import("./verify-token");
  const { InvalidTokenError } = await import("./token-verifier");
  return { GET: route.GET, POST: route.POST, verifyToken, InvalidTokenError };
}

function request(url: string, init: { origin?: string; body?: unknown; cookie?: string } = {}): Request {
  const headers = new Headers({ "x-forwarded-for": "198.51.100.23" });
  if (init.origin) headers.set("origin", init.origin);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new Request(url, {
    method: init.body === undefined ? "GET" : "POST",
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
}

/** Signs up through `host` with `origin`; resolves to the response and, on success, a token. */
async function signUpVia(app: App, host: string, origin = `https://${host}`) {
  const email = `preview-${randomUUID()}@example.test`;
  const body = { name: "Preview User", email, password: `pw-${randomUUID()}` };
  const response = await app.POST(request(`https://${host}/api/auth/sign-up/email`, { origin, body }));
  if (!response.ok) return { response };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const tokenResponse = await app.GET(request(`https://${host}/api/auth/token`, { cookie }));
  expect(tokenResponse.status).toBe(200);
  const { token } = (await tokenResponse.json()) as { token: string };
  return { response, token };
}

let preview: App;
let localToken: string;

beforeAll(async () => {
  // A token from the same database and keys, issued by a non-preview instance.
  const local = await loadApp({ BETTER_AUTH_URL: "http://localhost:3000" });
  const issued = await signUpVia(local, "localhost:3000", "http://localhost:3000");
  localToken = issued.token ?? "";
  await expect(local.verifyToken(localToken)).resolves.toEqual(expect.any(String));
  preview = await loadApp(PREVIEW_ENV);
});

afterAll(() => {
  for (const name of Object.keys(PREVIEW_ENV)) delete process.env[name];
});

describe("on a Vercel preview deployment", () => {
  it.each([
    ["branch URL", BRANCH_HOST],
    ["deployment URL", DEPLOYMENT_HOST],
  ])("signs up through the %s and issues a token for that host, which the API accepts", async (_name, host) => {
    const { response, token } = await signUpVia(preview, host);
    expect(response.status).toBe(200);
    const { user } = (await response.json()) as { user: { id: string } };
    expect(decodeJwt(token ?? "")).toMatchObject({ iss: `https://${host}`, aud: `https://${host}`, sub: user.id });
    await expect(preview.verifyToken(token ?? "")).resolves.toBe(user.id);
  });

  it.each([
    ["another preview of the same project", "https://todo-git-other-branch-acme.vercel.app"],
    ["another Vercel site", "https://evil.vercel.app"],
    ["the production URL", "https://todo.example.com"],
    ["its own host over plain HTTP", `http://${BRANCH_HOST}`],
  ])("refuses a sign-up from %s", async (_name, origin) => {
    const { response } = await signUpVia(preview, BRANCH_HOST, origin);
    expect(response.status).toBe(403);
  });

  it("never takes a foreign host as its own: a sign-up there is refused, and tokens keep the preview's issuer", async () => {
    const { response } = await signUpVia(preview, "evil.vercel.app");
    expect(response.status).toBe(403);

    const { token } = await signUpVia(preview, BRANCH_HOST);
    const cookieless = await preview.GET(request("https://evil.vercel.app/api/auth/token"));
    expect(cookieless.status).toBe(401);
    expect(decodeJwt(token ?? "").iss).toBe(`https://${BRANCH_HOST}`);
  });

  it("refuses a token issued for another host, though signed with the same keys", async () => {
    await expect(preview.verifyToken(localToken)).rejects.toBeInstanceOf(preview.InvalidTokenError);
  });
});
