import "server-only";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getEnv } from "../env";
import { takeAttempt } from "../limits/take-attempt";
import { checkAuthInput, field } from "./check-auth-input";

/**
 * Better Auth's `hooks.before`: runs for its HTTP routes and for server-side
 * `auth.api` calls alike, before any endpoint touches the database.
 */
export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  checkAuthInput(ctx);
  const email = field(ctx.body, "email");
  if (ctx.path === "/sign-in/email" && typeof email === "string") {
    // With the per-IP limit alone, an attacker spread over many addresses
    // would still get AUTH_RATE_LIMIT_MAX guesses per window at one account.
    // A rolling window: no turn of the clock hands out a fresh allowance.
    const { AUTH_RATE_LIMIT_MAX: max, AUTH_RATE_LIMIT_WINDOW_SECONDS: window } = getEnv();
    const attempt = await takeAttempt("sign-in", email, max, window);
    if (!attempt.allowed) {
      const retryAfter = String(attempt.retryAfter);
      throw new APIError(
        "TOO_MANY_REQUESTS",
        { code: "TOO_MANY_ATTEMPTS_FOR_EMAIL", message: "Too many sign-in attempts for this address; try again later" },
        { "Retry-After": retryAfter, "X-Retry-After": retryAfter },
      );
    }
  }
});
