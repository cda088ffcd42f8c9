import "server-only";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { z } from "zod";

// The one place that reads process.env. Parsed on first use rather than at
// import, because `next build` imports route modules without any configuration;
// instrumentation.ts calls getEnv() at server start so a bad value fails fast.
const origins = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

// Vercel's host names come without a scheme, e.g. todo-git-main-acme.vercel.app.
const hostName = z.string().regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i, "must be a host name without a scheme");

// A secret must be random: not a placeholder copied from .env.example, and
// not a repeated character or pattern. Its randomness is estimated by its
// own character frequencies and, for patterns, by how far it compresses;
// 32 random bytes in base64 or hex score over 180 bits, 128 are required.
const SECRET_MIN_BITS = 128;
const GENERATE = "generate one with `openssl rand -base64 32`";

export function estimatedEntropyBits(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...text].length;
  let bitsPerChar = 0;
  for (const count of counts.values()) bitsPerChar -= (count / length) * Math.log2(count / length);
  return Math.min(bitsPerChar * length, 8 * deflateRawSync(text).length);
}

const secret = z
  .string()
  .min(32, "must be at least 32 characters (npm start generates one for development)")
  .refine((value) => !value.startsWith("replace-with"), `is the .env.example placeholder: ${GENERATE}`)
  .refine((value) => estimatedEntropyBits(value) >= SECRET_MIN_BITS, `is not random enough: ${GENERATE}`);

// BETTER_AUTH_SECRETS, Better Auth's versioned secrets for rotation: "2:new,1:old".
const SECRETS_FORMAT =
  'must be "version:secret" pairs, newest first (e.g. "2:…,1:…"), each secret at least 32 characters';
const versionedSecrets = z.string().transform((value, ctx) => {
  const secrets: Array<{ version: number; value: string }> = [];
  for (const entry of value.split(",").map((part) => part.trim())) {
    const match = /^(\d+):(.{32,})$/.exec(entry);
    if (!match?.[1] || !match[2]) {
      ctx.addIssue({ code: "custom", message: SECRETS_FORMAT });
      return z.NEVER;
    }
    const checked = secret.safeParse(match[2]);
    if (!checked.success) {
      ctx.addIssue({ code: "custom", message: `version ${match[1]} ${checked.error.issues[0]?.message}` });
      return z.NEVER;
    }
    secrets.push({ version: Number(match[1]), value: match[2] });
  }
  return secrets;
});

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL"),
  // A direct (not pooled) connection: migrations, and LISTEN for live updates (Neon's pooler cannot LISTEN).
  DATABASE_URL_UNPOOLED: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL")
    .optional(),
  BETTER_AUTH_SECRET: secret,
  BETTER_AUTH_SECRETS: versionedSecrets.optional(),
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  CORS_ORIGINS: origins.optional(),
  // Sign-up and sign-in attempts allowed per client IP in each window.
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  // Every other /api/auth endpoint (the API token, the session): per client IP
  // and endpoint per 10 s, Better Auth's own default.
  AUTH_RATE_LIMIT_OTHER_MAX: z.coerce.number().int().positive().default(100),
  // Reverse proxies in front of the app that append to X-Forwarded-For (0: served directly).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Requests to /api/tasks* per user (the token's sub) in each window.
  API_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().max(86_400).default(60),
  MAX_TASKS_PER_USER: z.coerce.number().int().positive().default(10_000),
  // Outgoing mail. Unset SMTP_URL: each message is logged and kept as an .eml file instead.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().trim().min(3).optional(),
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  REQUIRE_EMAIL_VERIFICATION: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("false")
    .transform((value) => value === "true"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  DATABASE_POOL_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  // 0: no limit from the app (the database's own statement_timeout applies).
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("true")
    .transform((value) => value === "true"),
  // Set by Vercel on its builds and functions.
  VERCEL: z.literal("1").optional(),
  VERCEL_ENV: z.enum(["production", "preview", "development"]).optional(),
  VERCEL_URL: hostName.optional(),
  VERCEL_BRANCH_URL: hostName.optional(),
  VERCEL_PROJECT_PRODUCTION_URL: hostName.optional(),
});

type ParsedEnv = z.infer<typeof schema>;

export type Env = Omit<ParsedEnv, "BETTER_AUTH_URL" | "MAIL_FROM" | "MAIL_OUTBOX_DIR"> & {
  /** The app's canonical public origin (the first of authOrigins). */
  BETTER_AUTH_URL: string;
  /**
   * The origins this deployment answers on, exactly: Better Auth trusts them
   * and issues JWTs with one of them as `iss` and `aud`; the API accepts no
   * other. Production and local: one. A Vercel preview: its branch URL and
   * its own deployment URL.
   */
  authOrigins: [string, ...string[]];
  corsOrigins: string[];
  databasePool: {
    max: number;
    idleTimeoutMs: number;
    statementTimeoutMs: number;
    connectTimeoutMs: number;
    preparedStatements: boolean;
  };
  /** The sender of every e-mail, e.g. `Todo <no-reply@example.com>`. */
  MAIL_FROM: string;
  /** Where mail goes without SMTP_URL: the repository's git-ignored .data/mail. */
  MAIL_OUTBOX_DIR: string;
};

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

class ConfigurationError extends Error {
  constructor(name: string, problem: string) {
    super(`Invalid configuration: ${name} ${problem}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigurationError(issue?.path.join(".") ?? "environment", issue?.message ?? "is invalid");
  }
  const env = result.data;
  const authOrigins = resolveAuthOrigins(env);
  const corsOrigins = env.CORS_ORIGINS ?? (env.NODE_ENV === "production" ? [] : ["http://localhost:3000"]);
  // A serverless function serves few requests at a time and may be suspended
  // at any moment: few connections, closed soon after they fall idle.
  const databasePool = {
    max: env.DATABASE_POOL_MAX ?? (env.VERCEL ? 5 : 10),
    idleTimeoutMs: env.DATABASE_POOL_IDLE_TIMEOUT_MS ?? (env.VERCEL ? 5_000 : 30_000),
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
  };
  // A real mail server needs a sender address it accepts; the local outbox does not.
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new ConfigurationError(
      "MAIL_FROM",
      "is required with SMTP_URL: the sender address, e.g. Todo <no-reply@example.com>",
    );
  }
  const MAIL_FROM = env.MAIL_FROM ?? `Todo <no-reply@${new URL(authOrigins[0]).hostname}>`;
  // Next runs in apps/web; the outbox sits next to the local database in the repository's .data.
  const MAIL_OUTBOX_DIR = env.MAIL_OUTBOX_DIR ?? join(process.cwd(), "..", "..", ".data", "mail");
  return {
    ...env,
    BETTER_AUTH_URL: authOrigins[0],
    authOrigins,
    corsOrigins,
    databasePool,
    MAIL_FROM,
    MAIL_OUTBOX_DIR,
  };
}

// A preview deployment answers on hosts that change with every push, so its
// base URL follows them — these exact hosts, never a *.vercel.app wildcard,
// which would trust every other Vercel customer's site too.
function resolveAuthOrigins(env: ParsedEnv): [string, ...string[]] {
  if (env.VERCEL_ENV === "preview") {
    const hosts = (["VERCEL_BRANCH_URL", "VERCEL_URL"] as const).flatMap((name) => {
      const host = env[name];
      if (host === undefined) return [];
      if (!host.toLowerCase().endsWith(".vercel.app")) {
        throw new ConfigurationError(name, "must be a *.vercel.app host on a preview deployment");
      }
      return [`https://${host.toLowerCase()}`];
    });
    const [first, ...others] = new Set(hosts);
    if (!first) throw new ConfigurationError("VERCEL_URL", "is required on a preview deployment");
    return [first, ...others];
  }
  if (env.BETTER_AUTH_URL) return [new URL(env.BETTER_AUTH_URL).origin];
  if (env.VERCEL_ENV === "production" && env.VERCEL_PROJECT_PRODUCTION_URL) {
    return [`https://${env.VERCEL_PROJECT_PRODUCTION_URL.toLowerCase()}`];
  }
  // A production server that guessed localhost would issue tokens nobody else
  // accepts and refuse every browser's Origin: say so at startup instead.
  if (env.NODE_ENV === "production" && !env.VERCEL) {
    throw new ConfigurationError("BETTER_AUTH_URL", "is required in production: the app's public URL");
  }
  return ["http://localhost:3000"];
}
