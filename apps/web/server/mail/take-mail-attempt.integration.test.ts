// The per-address mail limit against the real database, on a clock set by the
// test (only Date is faked: the database driver's timers stay real).
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { takeMailAttempt } from "./take-mail-attempt";

afterEach(() => {
  vi.useRealTimers();
});

async function attemptAt(time: string, kind: Parameters<typeof takeMailAttempt>[0], to: string) {
  vi.setSystemTime(new Date(time));
  return takeMailAttempt(kind, to);
}

describe("takeMailAttempt", () => {
  it("lets at most 3 e-mails go to one address in any 60 minutes, across the turn of the clock hour", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const to = `rolling-${randomUUID()}@example.test`;
    for (const time of ["2031-03-01T10:40:00Z", "2031-03-01T10:50:00Z", "2031-03-01T10:59:00Z"]) {
      expect((await attemptAt(time, "reset-password", to)).allowed).toBe(true);
    }
    // A new clock hour is no new allowance: the three above are still within the hour.
    const refused = await attemptAt("2031-03-01T11:00:30Z", "reset-password", to);
    expect(refused).toEqual({ allowed: false, retryAfter: 39 * 60 + 30 });
    expect((await attemptAt("2031-03-01T11:39:59Z", "reset-password", to)).allowed).toBe(false);
    // An hour after the first, one more may go; then the next two keep the hour full.
    expect((await attemptAt("2031-03-01T11:40:00Z", "reset-password", to)).allowed).toBe(true);
    expect((await attemptAt("2031-03-01T11:45:00Z", "reset-password", to)).allowed).toBe(false);
    expect((await attemptAt("2031-03-01T11:50:00Z", "reset-password", to)).allowed).toBe(true);
  });

  it("counts reset and verification e-mails apart, and a change of address with verification", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const to = `kinds-${randomUUID()}@example.test`;
    for (const kind of ["verify-email", "change-email", "verify-email"] as const) {
      expect((await attemptAt("2031-03-01T12:00:00Z", kind, to)).allowed).toBe(true);
    }
    expect((await attemptAt("2031-03-01T12:00:01Z", "change-email", to)).allowed).toBe(false);
    expect((await attemptAt("2031-03-01T12:00:01Z", "reset-password", to)).allowed).toBe(true);
    // The address is one whatever its case or the spaces around it.
    expect((await attemptAt("2031-03-01T12:00:02Z", "verify-email", ` ${to.toUpperCase()} `)).allowed).toBe(false);
  });

  it("refuses the fourth of 4 simultaneous requests for one address", async () => {
    const to = `burst-${randomUUID()}@example.test`;
    const decisions = await Promise.all(Array.from({ length: 4 }, () => takeMailAttempt("reset-password", to)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });
});
