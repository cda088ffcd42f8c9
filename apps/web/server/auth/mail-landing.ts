import "server-only";

/**
 * Where the link in a verification e-mail lands once Better Auth has checked
 * it (it appends `&error=…` when it could not): the callbackURL the forms
 * give Better Auth for sign-up, sign-in, resend and change of address.
 */
export const EMAIL_VERIFIED_PATH = "/verify-email?verified=1";

/** Where Better Auth sends the browser from a reset link, with `?token=…` or `?error=…`. */
export const RESET_PASSWORD_PATH = "/reset-password";
