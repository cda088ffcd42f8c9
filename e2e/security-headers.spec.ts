// The headers a served build really sends: next.config.mjs rules, the proxy's
// nonce policy and the API's own headers, as a browser or a CDN sees them.
import { expect, test } from "@playwright/test";
import { bearer } from "./support/api";
import { apiToken, signUpQuickly } from "./support/people";

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("each page load gets a fresh nonce, and every script the server sends carries it", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const nonce = nonceOf(first?.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  const served = [...((await first?.text()) ?? "").matchAll(/<script\b[^>]*>/g)].map(
    ([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1],
  );
  expect(served.length).toBeGreaterThan(0);
  expect(new Set(served)).toEqual(new Set([nonce]));
  // Scripts added later (the chunks an import() loads, e.g. the form's schema)
  // run under 'strict-dynamic' without a nonce of their own: only the app's.
  const added = await page
    .locator("script")
    .evaluateAll((scripts) =>
      scripts.flatMap((script) => (script instanceof HTMLScriptElement && !script.nonce ? [script.src] : [])),
    );
  for (const src of added) expect(new URL(src).pathname).toMatch(/^\/_next\/static\/chunks\/[\w-]+\.js$/);

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
