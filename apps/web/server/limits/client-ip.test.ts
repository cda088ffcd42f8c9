import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, headersWithClientIp, PEER_ADDRESS_HEADER } from "./client-ip";

const headers = (entries: Record<string, string>) => new Headers(entries);
const direct = { onVercel: false, trustedProxyHops: 0 };

describe("clientIp", () => {
  it("served directly: the peer's address, whatever X-Forwarded-For says", () => {
    const sent = headers({ "x-forwarded-for": "1.2.3.4", [PEER_ADDRESS_HEADER]: "198.51.100.7" });
    expect(clientIp(sent, direct)).toBe("198.51.100.7");
  });

  it("behind N trusted proxies: what the outermost one saw, not what the client prepended", () => {
    const sent = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", [PEER_ADDRESS_HEADER]: "10.0.0.3" });
    expect(clientIp(sent, { onVercel: false, trustedProxyHops: 1 })).toBe("10.0.0.2");
    expect(clientIp(sent, { onVercel: false, trustedProxyHops: 2 })).toBe("203.0.113.9");
  });

  it("behind more proxies than the request passed: the leftmost address there is", () => {
    const sent = headers({ "x-forwarded-for": "203.0.113.9", [PEER_ADDRESS_HEADER]: "10.0.0.3" });
    expect(clientIp(sent, { onVercel: false, trustedProxyHops: 5 })).toBe("203.0.113.9");
  });

  it("on Vercel: x-real-ip, which Vercel's edge sets", () => {
    const sent = headers({ "x-real-ip": "203.0.113.5", "x-forwarded-for": "203.0.113.5" });
    expect(clientIp(sent, { onVercel: true, trustedProxyHops: 0 })).toBe("203.0.113.5");
  });

  it("reads an IPv4-mapped IPv6 peer as IPv4, and refuses what is not an address", () => {
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "::ffff:192.0.2.1" }), direct)).toBe("192.0.2.1");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "2001:db8::1" }), direct)).toBe("2001:db8::1");
    expect(clientIp(headers({ "x-forwarded-for": "not-an-ip" }), direct)).toBeNull();
    expect(clientIp(headers({}), direct)).toBeNull();
  });
});

describe("headersWithClientIp", () => {
  it("replaces a client's own copy of the header with the vouched-for address", () => {
    const request = new Request("http://localhost/api/auth/sign-in/email", {
      headers: { [CLIENT_IP_HEADER]: "6.6.6.6", [PEER_ADDRESS_HEADER]: "198.51.100.7" },
    });
    expect(headersWithClientIp(request, direct).get(CLIENT_IP_HEADER)).toBe("198.51.100.7");
    const unknown = new Request("http://localhost/", { headers: { [CLIENT_IP_HEADER]: "6.6.6.6" } });
    expect(headersWithClientIp(unknown, direct).get(CLIENT_IP_HEADER)).toBeNull();
  });
});
