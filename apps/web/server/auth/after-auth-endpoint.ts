import "server-only";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { signInLink } from "./sign-in-link";

/**
 * Better Auth's `hooks.after`. Its refusal of an unverified address means "a
 * new link is on its way"; when the per-address mail limit held that link
 * back, the answer says so instead (only someone who knows the password gets
 * this far, so it tells no stranger anything).
 */
export const afterAuthEndpoint = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const refusal = ctx.context.returned;
  if (!(refusal instanceof APIError) || refusal.body?.code !== "EMAIL_NOT_VERIFIED") return;
  if ((await signInLink.get()).sent !== false) return;
  throw new APIError("FORBIDDEN", {
    code: "EMAIL_NOT_VERIFIED_NO_NEW_LINK",
    message: "Email not verified; no new link was sent: the limit per address was reached, earlier links still work",
  });
});
