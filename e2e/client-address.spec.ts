// The address auth limits count a client by, on the production build served
// the way npm start serves it: the TCP peer, never what the client claims.
import { expect, test } from "@playwright/test";
import { EXTERNAL_BASE_URL } from "./support/e2e-env";
import { newPerson } from "./support/people";

test("a made-up X-Forwarded-For does not become the client's address", async ({ request, baseURL }) => {
  test.skip(Boolean(EXTERNAL_BASE_URL), "a deployment behind a proxy vouches for addresses its own way");
  const forged = { Origin: new URL(baseURL ?? "").origin, "X-Forwarded-For": "6.6.6.6" };
  const signUp = await request.post("/api/auth/sign-up/email", { data: newPerson(), headers: forged });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const session = await (await request.get("/api/auth/get-session", { headers: forged })).json();
  expect(["127.0.0.1", "::1"]).toContain(session.session.ipAddress);
});
