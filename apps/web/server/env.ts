import "server-only";
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

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL"),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one for development)"),
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  CORS_ORIGINS: origins.optional(),
  // Sign-up and sign-in attempts allowed per client IP in each window.
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof schema> & { corsOrigins: string[] };

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new Error(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
  }
  const env = result.data;
  const corsOrigins = env.CORS_ORIGINS ?? (env.NODE_ENV === "production" ? [] : ["http://localhost:3000"]);
  return { ...env, corsOrigins };
}
