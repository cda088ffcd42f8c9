import { describe, expect, it } from "vitest";
import { tokenRefreshAt } from "./token-refresh-at";

const encode = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const tokenWith = (claims: unknown) => `${encode({ alg: "EdDSA" })}.${encode(claims)}.signature`;

describe("tokenRefreshAt", () => {
  const now = 1_800_000_000_000;

  it("refreshes a minute before the token's lifetime ends", () => {
    expect(tokenRefreshAt(tokenWith({ iat: 100, exp: 1000, sub: "u" }), now)).toBe(now + 840_000);
  });

  it("ignores the browser clock: only the lifetime counts", () => {
    const issuedLongAgo = tokenWith({ iat: 1, exp: 901 });
    expect(tokenRefreshAt(issuedLongAgo, now)).toBe(now + 840_000);
  });

  it.each([
    ["not-a-jwt"],
    ["a.%%%.c"],
    [tokenWith({ sub: "u" })],
    [tokenWith({ iat: 10, exp: 20 })],
    [tokenWith({ iat: "100", exp: 1000 })],
  ])("uses %s only once", (token) => {
    expect(tokenRefreshAt(token, now)).toBe(now);
  });
});
