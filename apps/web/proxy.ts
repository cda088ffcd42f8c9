import { type NextRequest, NextResponse } from "next/server";
import { pageContentSecurityPolicy } from "./security-headers";

// Pages only: a fresh nonce for each page request. Next reads it from the
// request's Content-Security-Policy header and puts it on every script it
// renders; the browser gets the same policy. Pages must render dynamically for
// that (a prerendered page has no request to take a nonce from).
export function proxy(request: NextRequest): NextResponse {
  if (isApiPath(request.nextUrl.pathname)) return apiPathCheck(request);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // NODE_ENV is fixed by Next at build time; the proxy needs nothing else from
  // the environment, so it does not load server/env.ts.
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

// Next answers a path whose percent-encoding does not decode to UTF-8 with a
// plain-text 500 (the route fails to decode its params, even after a rewrite),
// so such an API path is answered here with the contract's JSON 404.
function apiPathCheck(request: NextRequest): NextResponse {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.json(
      { detail: "Not found" },
      { status: 404, headers: { "Cache-Control": "no-store", "X-Request-Id": crypto.randomUUID() } },
    );
  }
}

export const config = {
  // Not the API (next.config.mjs gives it a fixed policy, and its hot paths pay
  // nothing for a proxy), not static files, not prefetches (no document).
  matcher: [
    // API paths only when they hold a percent sign: the only ones that can fail to decode.
    "/(api/.*%.*)",
    {
      source: "/((?!api/|api$|health$|_next/static|_next/image|favicon\\.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
