import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}

describe("proxy", () => {
  it("gives each page response a policy with a fresh nonce, and hands Next the same one", () => {
    const first = proxy(new NextRequest("http://localhost:3000/tasks"));
    const second = proxy(new NextRequest("http://localhost:3000/tasks"));
    const nonce = nonceOf(first.headers.get("content-security-policy"));

    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    // NextResponse.next({ request }) passes request headers on to the render as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(
      first.headers.get("content-security-policy"),
    );
  });

  it("answers an API path that does not decode with a JSON 404, and lets others through untouched", async () => {
    const broken = proxy(new NextRequest("http://localhost:3000/api/tasks/%c0%ae"));
    expect(broken.status).toBe(404);
    expect(await broken.json()).toEqual({ detail: "Not found" });

    const fine = proxy(new NextRequest("http://localhost:3000/api/tasks/a%20b"));
    expect(fine.headers.get("x-middleware-next")).toBe("1");
    expect(fine.headers.get("content-security-policy")).toBeNull();
  });
});
