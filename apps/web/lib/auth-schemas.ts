// The account forms' checks: in the browser, so a person hears about a short
// password before a round trip, and in their server actions. Better Auth
// enforces the same limits on its own routes (its password lengths;
// server/auth/check-auth-input.ts for the rest).
import * as z from "zod/mini";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX = 100;

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

// The fields of each form, for reading FormData and placing errors.
export const SIGN_UP_FIELDS = ["name", "email", "password"] as const;
export const SIGN_IN_FIELDS = ["email", "password"] as const;
export const DELETE_ACCOUNT_FIELDS = ["password"] as const;
export const FORGOT_PASSWORD_FIELDS = ["email"] as const;
export const RESET_PASSWORD_FIELDS = ["newPassword"] as const;
export const CHANGE_PASSWORD_FIELDS = ["currentPassword", "newPassword", "revokeOtherSessions"] as const;
export const CHANGE_NAME_FIELDS = ["name"] as const;
export const CHANGE_EMAIL_FIELDS = ["newEmail"] as const;
