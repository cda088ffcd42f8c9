import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { jwt } from "better-auth/plugins";
import { getDb } from "../db";
import { getEnv } from "../env";

/** The algorithm Better Auth signs API tokens with; the verifier accepts no other. */
export const TOKEN_ALGORITHM = "EdDSA";

function createAuth() {
  const env = getEnv();
  const authRule = { window: env.AUTH_RATE_LIMIT_WINDOW_SECONDS, max: env.AUTH_RATE_LIMIT_MAX };
  return betterAuth({
    appName: "Todo",
    baseURL: env.BETTER_AUTH_URL,
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: { deleteUser: { enabled: true } },
    rateLimit: {
      // On everywhere, not only in production: tests raise the limit explicitly.
      enabled: true,
      storage: "database",
      customRules: { "/sign-in/email": authRule, "/sign-up/email": authRule },
    },
    plugins: [
      jwt({
        jwks: { keyPairConfig: { alg: TOKEN_ALGORITHM, crv: "Ed25519" } },
        // The API needs only `sub`; Better Auth would otherwise put the whole
        // user (name, email) into every token.
        jwt: { expirationTime: "15m", definePayload: () => ({}) },
      }),
      nextCookies(), // must stay last
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let auth: Auth | undefined;

export function getAuth(): Auth {
  auth ??= createAuth();
  return auth;
}
