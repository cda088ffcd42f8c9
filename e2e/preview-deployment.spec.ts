// The production build run as a Vercel preview (VERCEL=1, VERCEL_ENV=preview):
// Better Auth and the API follow the deployment's own hosts, and only those.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PREVIEW_BRANCH_HOST, PREVIEW_DEPLOYMENT_HOST } from "./support/e2e-env";
import { apiToken } from "./support/people";

// What Vercel's edge sends to the function for a request to `host`.
const asServedFor = (host: string) => ({
  host,
  "x-forwarded-host": host,
  "x-forwarded-proto": "https",
  origin: `https://${host}`,
});

const person = () => ({
  name: "Preview",
  email: `preview-${randomUUID()}@example.test`,
  password: `pw-${randomUUID()}`,
});

for (const host of [PREVIEW_BRANCH_HOST, PREVIEW_DEPLOYMENT_HOST]) {
  test(`signing up on ${host} gives a token issued for that host, which the API accepts`, async ({
    playwright,
    baseURL,
  }) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: asServedFor(host) });
    const signUp = await request.post("/api/auth/sign-up/email", { data: person() });
    expect(signUp.status(), await signUp.text()).toBe(200);
    const token = await apiToken(request);
    const claims: unknown = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims).toMatchObject({ iss: `https://${host}`, aud: `https://${host}` });

    const tasks = await request.get("/api/tasks", { headers: { authorization: `Bearer ${token}` } });
    expect(tasks.status()).toBe(200);
    await request.dispose();
  });
}

test("a foreign host and a foreign origin are refused", async ({ playwright, baseURL }) => {
  for (const headers of [
    asServedFor("evil.vercel.app"),
    { ...asServedFor(PREVIEW_BRANCH_HOST), origin: "https://evil.example" },
  ]) {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
    const signUp = await request.post("/api/auth/sign-up/email", { data: person() });
    expect(signUp.status()).toBe(403);
    await request.dispose();
  }
});
