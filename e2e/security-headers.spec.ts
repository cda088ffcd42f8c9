// The headers a served build really sends: next.config.ts rules, the proxy's
// nonce policy and the API's own headers, as a browser or a CDN sees them.
import { expect, test } from "@playwright/test";
import { bearer } from "./support/api";
import { apiToken, signUpQuickly } from "./support/people";

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("each page load gets a fresh nonce, and every script on the page carries it", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const nonce = nonceOf(first?.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  const scriptNonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((script) => (script instanceof HTMLScriptElement ? script.nonce : "")));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  const second = await page.reload();
  expect(nonceOf(second?.headers()["content-security-policy"])).not.toBe(nonce);
  expect(first?.headers()["x-frame-options"]).toBe("DENY");
  expect(first?.headers()["x-content-type-options"]).toBe("nosniff");
});

test("sessions, tokens and tasks are never stored by a browser or CDN, and the API runs nothing", async ({ page }) => {
  await signUpQuickly(page);
  const tokenResponse = await page.request.get("/api/auth/token");
  expect(tokenResponse.headers()["cache-control"]).toBe("no-store");
  const session = await page.request.get("/api/auth/get-session");
  expect(session.headers()["cache-control"]).toBe("no-store");

  const tasks = await page.request.get("/api/tasks", { headers: bearer(await apiToken(page.request)) });
  expect(tasks.status()).toBe(200);
  const headers = tasks.headers();
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
});
