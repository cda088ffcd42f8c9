// The account forms' checks: in the browser, so a person hears about a short
// password before a round trip, and in their server actions. Better Auth
// enforces the same limits on its own routes (its password lengths;
// server/auth/check-auth-input.ts for the rest).
// The browser loads this module after the page (see use-auth-form.ts): its
// exports are the schemas only, the limits and field names are auth-fields.ts.
import * as z from "zod/mini";
import { NAME_MAX, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./auth-fields";

// PostgreSQL cannot store U+0000; the server refuses it too.
const noNul = z.refine<string>((text) => !text.includes("\u0000"), "Remove the invisible control character (NUL)");

const email = z.pipe(
  z.string().check(z.trim(), z.minLength(1, "Enter your email address"), noNul),
  z.email("Enter a valid email address"),
);

const name = z.string().check(
  z.trim(),
  z.minLength(1, "Enter your name"),
  // Code points, as the server counts them: an emoji is one character.
  z.refine((text) => [...text].length <= NAME_MAX, `Use at most ${NAME_MAX} characters`),
  noNul,
);

// A password being chosen; one being confirmed only needs to be there.
const newPassword = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`),
    z.maxLength(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`),
    noNul,
  );
const currentPassword = (message: string) => z.string().check(z.minLength(1, message), noNul);

// A checkbox posts "on" when ticked and nothing otherwise.
const checkbox = z.pipe(
  z.union([z.literal("on"), z.null()]),
  z.transform((value) => value === "on"),
);

export const signUpForm = z.object({ name, email, password: newPassword });

export const signInForm = z.object({ email, password: currentPassword("Enter your password") });

export const deleteAccountForm = z.object({ password: currentPassword("Enter your password to confirm.") });

export const forgotPasswordForm = z.object({ email });

export const resetPasswordForm = z.object({ newPassword });

export const changePasswordForm = z.object({
  currentPassword: currentPassword("Enter your current password"),
  newPassword,
  revokeOtherSessions: checkbox,
});

export const changeNameForm = z.object({ name });

export const changeEmailForm = z.object({ newEmail: email });
