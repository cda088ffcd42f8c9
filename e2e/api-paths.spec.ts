// What Next itself answers before any route handler runs: undecodable paths and
// methods a path does not support must still get the contract's JSON answers.
import { expect, test } from "@playwright/test";

test.describe("API paths and methods", () => {
  // Percent-encodings that do not decode to UTF-8 (overlong, truncated, lone bytes).
  const undecodable = ["/api/tasks/%c0%ae%c0%ae/x", "/api/tasks/%c0%ae", "/api/%ff", "/api/tasks/%", "/api/auth/%c0"];
  for (const path of undecodable) {
    test(`${path} answers a JSON 404, never a 5xx`, async ({ request }) => {
      for (const method of ["GET", "POST", "DELETE"]) {
        const response = await request.fetch(path, { method });
        expect(response.status(), `${method} ${path}`).toBe(404);
        expect(response.headers()["content-type"]).toMatch(/^application\/json/);
        expect(await response.json()).toEqual({ detail: "Not found" });
      }
    });
  }

  test("a well-encoded path is routed as usual", async ({ request }) => {
    const response = await request.get("/api/tasks/%61bc");
    expect(response.status()).toBe(401);
  });

  for (const path of ["/api/health", "/health", "/api/ping", "/api/openapi.json"]) {
    test(`${path} answers other methods with 405, Allow and a JSON detail`, async ({ request }) => {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await request.fetch(path, { method });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers().allow).toBe("GET, OPTIONS");
        expect(await response.json()).toEqual({ detail: "Method not allowed" });
      }
    });
  }

  test("/api/auth answers another method on a known path with 405 + Allow, and an unknown path with a JSON 404", async ({
    request,
  }) => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await request.fetch("/api/auth/sign-in/email", { method });
      expect(response.status(), method).toBe(405);
      expect(response.headers().allow).toBe("POST, OPTIONS");
      expect(await response.json()).toEqual({ detail: "Method not allowed" });
      expect(response.headers()["x-request-id"]).toBeTruthy();
    }
    const withParameter = await request.fetch("/api/auth/reset-password/some-token", { method: "DELETE" });
    expect(withParameter.status()).toBe(405);
    const unknown = await request.get("/api/auth/no-such-endpoint");
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ detail: "Not found" });
    expect((await request.get("/api/auth/ok")).status()).toBe(200);
  });
});
