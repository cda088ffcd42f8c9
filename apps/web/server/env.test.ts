import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { estimatedEntropyBits, parseEnv } from "./env";

const BASE = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/todo",
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
};
const PREVIEW = {
  ...BASE,
  VERCEL: "1",
  VERCEL_ENV: "preview",
  VERCEL_URL: "todo-k2j3h4g5f-acme.vercel.app",
  VERCEL_BRANCH_URL: "todo-git-feature-acme.vercel.app",
  VERCEL_PROJECT_PRODUCTION_URL: "todo.example.com",
};

describe("parseEnv: the origins auth answers on", () => {
  it.each([
    ["locally, by default", BASE, ["http://localhost:3000"]],
    [
      "from BETTER_AUTH_URL, as an origin",
      { ...BASE, BETTER_AUTH_URL: "https://todo.example.com/" },
      ["https://todo.example.com"],
    ],
    [
      "on Vercel production, BETTER_AUTH_URL first",
      { ...PREVIEW, VERCEL_ENV: "production", BETTER_AUTH_URL: "https://app.example.org" },
      ["https://app.example.org"],
    ],
    [
      "on Vercel production without it, the production domain",
      { ...PREVIEW, VERCEL_ENV: "production" },
      ["https://todo.example.com"],
    ],
    [
      "on a preview, its branch URL and deployment URL, whatever BETTER_AUTH_URL says",
      { ...PREVIEW, BETTER_AUTH_URL: "https://todo.example.com" },
      ["https://todo-git-feature-acme.vercel.app", "https://todo-k2j3h4g5f-acme.vercel.app"],
    ],
    [
      "on a preview without a branch URL, its deployment URL",
      { ...PREVIEW, VERCEL_BRANCH_URL: undefined },
      ["https://todo-k2j3h4g5f-acme.vercel.app"],
    ],
  ])("%s", (_case, source, expected) => {
    const env = parseEnv(source);
    expect(env.authOrigins).toEqual(expected);
    expect(env.BETTER_AUTH_URL).toBe(expected[0]);
  });

  it.each([
    [
      { ...PREVIEW, VERCEL_URL: undefined, VERCEL_BRANCH_URL: undefined },
      "VERCEL_URL is required on a preview deployment",
    ],
    [{ ...PREVIEW, VERCEL_BRANCH_URL: "preview.example.com" }, "VERCEL_BRANCH_URL must be a *.vercel.app host"],
    [{ ...PREVIEW, VERCEL_URL: "https://todo.vercel.app" }, "VERCEL_URL must be a host name without a scheme"],
  ])("refuses a preview it cannot pin down: %o", (source, message) => {
    expect(() => parseEnv(source)).toThrow(`Invalid configuration: ${message}`);
  });
});

describe("parseEnv: the database pool", () => {
  const limits = { statementTimeoutMs: 5_000, connectTimeoutMs: 2_000, preparedStatements: true };
  it.each([
    ["a long-lived server", BASE, { max: 10, idleTimeoutMs: 30_000, ...limits }],
    [
      "a Vercel function: few connections, closed soon",
      { ...BASE, VERCEL: "1" },
      { max: 5, idleTimeoutMs: 5_000, ...limits },
    ],
    [
      "as configured",
      {
        ...BASE,
        VERCEL: "1",
        DATABASE_POOL_MAX: "3",
        DATABASE_POOL_IDLE_TIMEOUT_MS: "2000",
        DATABASE_STATEMENT_TIMEOUT_MS: "0",
        DATABASE_CONNECT_TIMEOUT_MS: "500",
        DATABASE_PREPARED_STATEMENTS: "false",
      },
      { max: 3, idleTimeoutMs: 2_000, statementTimeoutMs: 0, connectTimeoutMs: 500, preparedStatements: false },
    ],
  ])("suits %s", (_case, source, expected) => {
    expect(parseEnv(source).databasePool).toEqual(expected);
  });

  it.each([
    ["DATABASE_STATEMENT_TIMEOUT_MS", "-1"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "5s"],
    ["DATABASE_CONNECT_TIMEOUT_MS", "0"],
    ["DATABASE_PREPARED_STATEMENTS", "no"],
  ])("refuses %s=%s", (name, value) => {
    expect(() => parseEnv({ ...BASE, [name]: value })).toThrow(`Invalid configuration: ${name}`);
  });
});

describe("parseEnv: BETTER_AUTH_SECRETS", () => {
  const current = randomBytes(32).toString("base64url");
  const previous = randomBytes(32).toString("hex");

  it("reads versioned secrets, newest first", () => {
    expect(parseEnv({ ...BASE, BETTER_AUTH_SECRETS: `2:${current}, 1:${previous}` }).BETTER_AUTH_SECRETS).toEqual([
      { version: 2, value: current },
      { version: 1, value: previous },
    ]);
  });

  it.each([`${current}`, `2:short`, `two:${current}`, `2:${current},`])("refuses %s", (value) => {
    expect(() => parseEnv({ ...BASE, BETTER_AUTH_SECRETS: value })).toThrow(
      /^Invalid configuration: BETTER_AUTH_SECRETS must be "version:secret" pairs/,
    );
  });
});

describe("parseEnv: a secret must be random", () => {
  it.each([
    ["the .env.example placeholder", "replace-with-at-least-32-random-bytes", /is the \.env\.example placeholder/],
    ["one repeated character", "x".repeat(40), /is not random enough/],
    ["a repeated pattern", "abcd1234".repeat(6), /is not random enough/],
  ])("refuses %s", (_name, value, message) => {
    expect(() => parseEnv({ ...BASE, BETTER_AUTH_SECRET: value })).toThrow(
      new RegExp(`^Invalid configuration: BETTER_AUTH_SECRET ${message.source}`),
    );
  });

  it("refuses a weak secret among BETTER_AUTH_SECRETS too", () => {
    expect(() => parseEnv({ ...BASE, BETTER_AUTH_SECRETS: `2:${"y".repeat(40)}` })).toThrow(
      /^Invalid configuration: BETTER_AUTH_SECRETS version 2 is not random enough/,
    );
  });

  it.each([
    ["base64", () => randomBytes(32).toString("base64")],
    ["hex", () => randomBytes(32).toString("hex")],
  ])("accepts 32 random bytes in %s, with room to spare", (_name, make) => {
    const value = make();
    expect(parseEnv({ ...BASE, BETTER_AUTH_SECRET: value }).BETTER_AUTH_SECRET).toBe(value);
    expect(estimatedEntropyBits(value)).toBeGreaterThan(180);
  });
});

describe("parseEnv: production off Vercel", () => {
  it("requires BETTER_AUTH_URL instead of assuming localhost", () => {
    expect(() => parseEnv({ ...BASE, NODE_ENV: "production" })).toThrow(
      /^Invalid configuration: BETTER_AUTH_URL is required in production/,
    );
    expect(
      parseEnv({ ...BASE, NODE_ENV: "production", BETTER_AUTH_URL: "https://todo.example.com" }).BETTER_AUTH_URL,
    ).toBe("https://todo.example.com");
  });
});

describe("parseEnv: mail", () => {
  it("accepts smtp:// and smtps:// URLs, with a sender", () => {
    for (const url of ["smtp://localhost:2525", "smtps://user:pass@smtp.example.com:465"]) {
      expect(parseEnv({ ...BASE, SMTP_URL: url, MAIL_FROM: "Todo <no-reply@example.com>" }).SMTP_URL).toBe(url);
    }
  });

  it.each(["https://smtp.example.com", "smtp.example.com:465", "mailto:a@example.com"])(
    "refuses %s as SMTP_URL",
    (url) => {
      expect(() => parseEnv({ ...BASE, SMTP_URL: url, MAIL_FROM: "a@example.com" })).toThrow(
        /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
      );
    },
  );

  it("requires MAIL_FROM with SMTP_URL, and needs neither for the local outbox", () => {
    expect(() => parseEnv({ ...BASE, SMTP_URL: "smtp://localhost:2525" })).toThrow(
      /^Invalid configuration: MAIL_FROM is required with SMTP_URL/,
    );
    const local = parseEnv(BASE);
    expect(local.SMTP_URL).toBeUndefined();
    expect(local.MAIL_FROM).toBe("Todo <no-reply@localhost>");
    expect(local.MAIL_OUTBOX_DIR).toMatch(/\.data\/mail$/);
  });

  it("turns on REQUIRE_EMAIL_VERIFICATION only with true", () => {
    expect(parseEnv(BASE).REQUIRE_EMAIL_VERIFICATION).toBe(false);
    expect(parseEnv({ ...BASE, REQUIRE_EMAIL_VERIFICATION: "true" }).REQUIRE_EMAIL_VERIFICATION).toBe(true);
    expect(() => parseEnv({ ...BASE, REQUIRE_EMAIL_VERIFICATION: "yes" })).toThrow(
      /^Invalid configuration: REQUIRE_EMAIL_VERIFICATION must be "true" or "false"/,
    );
  });
});
