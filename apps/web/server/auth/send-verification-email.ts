import "server-only";
import { tryGetCurrentAuthEndpointContext } from "@better-auth/core/context";
import { decodeJwt } from "jose";
import { sendAccountMail, sendAccountMailNow } from "../mail/send-account-mail";
import { signInLink } from "./sign-in-link";

interface VerificationEmail {
  user: { email: string };
  url: string;
  token: string;
}

/**
 * Better Auth's `emailVerification.sendVerificationEmail`: after a sign-up, a
 * request for a new link, a change of address, and a sign-in refused until
 * the address is verified. Only the last knows the password, so only its
 * answer waits for the per-address limit and may say whether a link went out
 * (see after-auth-endpoint.ts).
 */
export async function sendVerificationEmail({ user, url, token }: VerificationEmail, request?: Request): Promise<void> {
  if (tryGetCurrentAuthEndpointContext()?.path === "/sign-in/email") {
    await signInLink.set({ sent: await sendAccountMailNow("verify-email", user.email, url, request) });
    return;
  }
  await sendAccountMail(isEmailChange(token) ? "change-email" : "verify-email", user.email, url, request);
}

// Better Auth sends the link that confirms a new address through the same
// callback as a sign-up's; its token (signed, read here only to choose the
// wording) names the address being changed to.
function isEmailChange(token: string): boolean {
  try {
    return typeof decodeJwt(token).updateTo === "string";
  } catch {
    return false;
  }
}
