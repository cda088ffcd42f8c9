import "server-only";
import { getAuth } from "./auth";

/**
 * The e-mail address of the account a password-reset token belongs to, read
 * through Better Auth's own adapter, so the person can be signed in with the
 * new password right after the reset. Undefined for an unknown or expired token.
 */
export async function resetTokenOwner(token: string): Promise<string | undefined> {
  // Called before Better Auth's own checks run: PostgreSQL refuses a NUL outright.
  if (token.includes("\u0000")) return undefined;
  const { internalAdapter } = await getAuth().$context;
  const verification = await internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!verification || verification.expiresAt < new Date()) return undefined;
  return (await internalAdapter.findUserById(verification.value))?.email;
}
