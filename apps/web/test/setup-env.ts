// The configuration every test file starts from (the app reads it through
// server/env.ts). The rate limit is raised explicitly, not switched off: the
// test that shows the limit works sets its own.
import { inject } from "vitest";

Object.assign(process.env, {
  DATABASE_URL: inject("databaseUrl"),
  BETTER_AUTH_SECRET: inject("authSecret"),
  BETTER_AUTH_URL: "http://localhost:3000",
  AUTH_RATE_LIMIT_MAX: "10000",
  MAIL_OUTBOX_DIR: inject("mailOutboxDir"),
});
