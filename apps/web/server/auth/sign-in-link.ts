import "server-only";
import { defineRequestState } from "@better-auth/core/context";

/**
 * Per request (Better Auth's request state): whether a sign-in refused for an
 * unverified address sent a new link with the refusal. Unset until the mail
 * callback has decided.
 */
export const signInLink = defineRequestState<{ sent?: boolean }>(() => ({}));
