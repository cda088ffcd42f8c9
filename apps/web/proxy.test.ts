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
});
