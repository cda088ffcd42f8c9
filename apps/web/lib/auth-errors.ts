// Better Auth's error codes in words a person can act on, attached to the
// field they concern when there is one.
import { NAME_MAX } from "./auth-fields";

export interface AuthFailure {
  field?: "name" | "email" | "password";
  message: string;
}

interface BetterAuthError {
  status: number;
  code?: string | undefined;
}

const BY_CODE: Record<string, AuthFailure> = {
  INVALID_EMAIL_OR_PASSWORD: { message: "Incorrect email or password." },
  INVALID_PASSWORD: { field: "password", message: "That password is not correct." },
  USER_ALREADY_EXISTS: { field: "email", message: "An account with this email already exists. Sign in instead." },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: {
    field: "email",
    message: "An account with this email already exists. Sign in instead.",
  },
  INVALID_EMAIL: { field: "email", message: "Enter a valid email address." },
  PASSWORD_TOO_SHORT: { field: "password", message: "This password is too short." },
  PASSWORD_TOO_LONG: { field: "password", message: "This password is too long." },
  PASSWORD_REQUIRED: { field: "password", message: "Enter your password to confirm." },
  NAME_TOO_LONG: { field: "name", message: `Use at most ${NAME_MAX} characters` },
  NUL_CHARACTER_NOT_ALLOWED: { message: "Remove the invisible control character (NUL) and try again." },
  INVALID_TOKEN: { message: "This link has expired or was already used." },
  EMAIL_NOT_VERIFIED: {
    message: "Verify your email address first: we have sent you a new link (check your spam folder too).",
  },
  // We send at most 3 links an hour; the ones already sent still work.
  EMAIL_NOT_VERIFIED_NO_NEW_LINK: {
    message:
      "Verify your email address first: open the latest link we sent you (check your spam folder too). We have sent you several in the last hour, so no new one this time.",
  },
};

export function authFailure(error: BetterAuthError): AuthFailure {
  const known = error.code ? BY_CODE[error.code] : undefined;
  if (known) return known;
  if (error.status === 429) return { message: "Too many attempts. Wait a minute, then try again." };
  return { message: "Something went wrong. Please try again." };
}

export const NETWORK_FAILURE: AuthFailure = {
  message: "Can't reach the server. Check your connection and try again.",
};
