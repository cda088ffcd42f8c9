// The account forms' checks: in the browser, so a person hears about a short
// password before a round trip, and in their server actions. Better Auth
// enforces the same limits on its own routes (its password lengths;
// server/auth/check-auth-input.ts for the rest).
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX = 100;

// PostgreSQL cannot store U+0000; the server refuses it too.
const noNul = (text: string) => !text.includes("\u0000");
const NUL_MESSAGE = "Remove the invisible control character (NUL)";

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .refine(noNul, NUL_MESSAGE)
  .pipe(z.email("Enter a valid email address"));

export const signUpForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name")
    // Code points, as the server counts them: an emoji is one character.
    .refine((text) => [...text].length <= NAME_MAX, `Use at most ${NAME_MAX} characters`)
    .refine(noNul, NUL_MESSAGE),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`)
    .refine(noNul, NUL_MESSAGE),
});

export const signInForm = z.object({
  email,
  password: z.string().min(1, "Enter your password").refine(noNul, NUL_MESSAGE),
});

export const deleteAccountForm = z.object({
  password: z.string().min(1, "Enter your password to confirm.").refine(noNul, NUL_MESSAGE),
});

// The fields of each form, for reading FormData and placing errors.
export const SIGN_UP_FIELDS = ["name", "email", "password"] as const;
export const SIGN_IN_FIELDS = ["email", "password"] as const;
export const DELETE_ACCOUNT_FIELDS = ["password"] as const;
