import "server-only";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { takeSignInAttempt } from "../limits/sign-in-attempts";
import { checkAuthInput, field } from "./check-auth-input";

/**
 * Better Auth's `hooks.before`: runs for its HTTP routes and for server-side
 * `auth.api` calls alike, before any endpoint touches the database.
 */
export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  checkAuthInput(ctx.path, ctx.body);
  const email = field(ctx.body, "email");
  if (ctx.path === "/sign-in/email" && typeof email === "string") {
    const attempt = await takeSignInAttempt(email);
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
