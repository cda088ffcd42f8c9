// The sign-up and sign-in forms' own checks, so a person hears about a short
// password before a round trip. Better Auth enforces the same lengths on the server.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const email = z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter a valid email address"));

export const signUpForm = z.object({
  name: z.string().trim().min(1, "Enter your name"),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`),
});

export const signInForm = z.object({
  email,
  password: z.string().min(1, "Enter your password"),
});
