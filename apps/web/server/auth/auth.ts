import "server-only";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { jwt } from "better-auth/plugins";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth-fields";
import { SESSION_ACTIVITY_SECONDS } from "@/lib/session-activity";
import { getDb } from "../db";
import { getEnv } from "../env";
import { requestIdOf } from "../http/with-request";
import { CLIENT_IP_HEADER, headersWithClientIp } from "../limits/client-ip";
import { sendAccountMail } from "../mail/send-account-mail";
import { afterAuthEndpoint } from "./after-auth-endpoint";
import { authRoutes, finishAuthAnswer } from "./auth-answer";
import { beforeAuthEndpoint } from "./before-auth-endpoint";
import { limitBody } from "./limit-body";
import { sendVerificationEmail } from "./send-verification-email";

/** The algorithm Better Auth signs API tokens with; the verifier accepts no other. */
export const TOKEN_ALGORITHM = "EdDSA";

/** How long the links in reset and verification e-mails work. */
const MAIL_LINK_SECONDS = 3600;

function createAuth() {
  const env = getEnv();
  const authRule = { window: env.AUTH_RATE_LIMIT_WINDOW_SECONDS, max: env.AUTH_RATE_LIMIT_MAX };
  const auth = betterAuth({
    appName: "Todo",
    baseURL: toBaseURL(env.authOrigins),
    secret: env.BETTER_AUTH_SECRET,
    // For rotation: the first encrypts and signs; the others, and
    // BETTER_AUTH_SECRET, still decrypt what was encrypted before.
    secrets: env.BETTER_AUTH_SECRETS,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    // Better Auth turns its Origin check off by itself when NODE_ENV=test;
    // the tests must see the check production has.
    advanced: {
      disableOriginCheck: false,
      // Set by the handler below from what the deployment vouches for, never by a client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // A session and its user in one query: the /tasks page's first round trip.
      database: { joins: true },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
      sendResetPassword: ({ user, url }, request) => sendAccountMail("reset-password", user.email, url, request),
      resetPasswordTokenExpiresIn: MAIL_LINK_SECONDS,
      // Whoever had the old password may be signed in somewhere: not any more.
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      sendVerificationEmail,
      sendOnSignUp: true,
      // Only asked when REQUIRE_EMAIL_VERIFICATION refuses the sign-in: a new link comes with the
      // refusal, unless the limit per address holds it back (the refusal then says so).
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: MAIL_LINK_SECONDS,
    },
    // "Last active" on /settings is the session's updatedAt, which Better Auth
    // moves at most once per updateAge (default: a day): see lib/session-activity.ts.
    session: { updateAge: SESSION_ACTIVITY_SECONDS },
    user: {
      deleteUser: { enabled: true },
      // The new address replaces the old one only once its link has been opened.
      changeEmail: { enabled: true },
    },
    hooks: { before: beforeAuthEndpoint, after: afterAuthEndpoint },
    rateLimit: {
      // On everywhere, not only in production: tests raise the limit explicitly.
      enabled: true,
      storage: "database",
      window: 10,
      max: env.AUTH_RATE_LIMIT_OTHER_MAX,
      customRules: {
        "/sign-in/email": authRule,
        "/sign-up/email": authRule,
        "/request-password-reset": authRule,
        "/reset-password": authRule,
        "/send-verification-email": authRule,
        "/change-email": authRule,
        "/change-password": authRule,
      },
    },
    plugins: [
      jwt({
        jwks: { keyPairConfig: { alg: TOKEN_ALGORITHM, crv: "Ed25519" } },
        // The API needs only `sub`; Better Auth would otherwise put the whole
        // user (name, email) into every token.
        jwt: { expirationTime: "15m", definePayload: () => ({}) },
        // Clients ask /api/auth/token for a token; minting one on every session
        // read (a page render included) would cost a key read and a signature.
        disableSettingJwtHeader: true,
      }),
      nextCookies(), // must stay last
    ],
  });
  const clientIpOptions = { onVercel: env.VERCEL === "1", trustedProxyHops: env.TRUSTED_PROXY_HOPS };
  const routes = authRoutes(auth.api);
  const handler = async (incoming: Request) => {
    // One id for the answer and for what is logged while making it (a mail that could not be sent).
    const headers = headersWithClientIp(incoming, clientIpOptions);
    headers.set("x-request-id", requestIdOf(incoming));
    const limited = await limitBody(incoming, headers);
    const stamped = new Request(incoming.url, { method: incoming.method, headers });
    return finishAuthAnswer(stamped, limited instanceof Response ? limited : await auth.handler(limited), routes);
  };
  return { ...auth, handler, fetch: handler };
}

// One origin: a fixed base URL. Several (a Vercel preview answers on its branch
// URL and its deployment URL): the request's own host when it is exactly one
// of them, else the first. Better Auth trusts exactly these origins, and the
// jwt plugin makes the resolved one each token's `iss` and `aud`.
function toBaseURL([canonical, ...others]: [string, ...string[]]): BetterAuthOptions["baseURL"] {
  if (others.length === 0) return canonical;
  return {
    allowedHosts: [canonical, ...others].map((origin) => new URL(origin).host),
    fallback: canonical,
    protocol: new URL(canonical).protocol === "https:" ? "https" : "http",
  };
}

export type Auth = ReturnType<typeof createAuth>;

let auth: Auth | undefined;

export function getAuth(): Auth {
  auth ??= createAuth();
  return auth;
}
