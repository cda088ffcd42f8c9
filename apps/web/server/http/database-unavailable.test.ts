import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  // Seen in the outage test: a server shutting down under an interactive
  // transaction (a create's position lock) surfaced unwrapped, and answered 500.
  it("reads the driver's error as it comes out of an interactive transaction", () => {
    const shutdown = new DriverAdapterError({
      kind: "postgres",
      code: "57P01",
      severity: "FATAL",
      message: "terminating connection due to administrator command",
      detail: undefined,
      column: undefined,
      hint: undefined,
    });
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
    expect(isDatabaseUnavailable(new DriverAdapterError({ kind: "ConnectionClosed" }))).toBe(true);
  });

  it("leaves a bug a bug", () => {
    const duplicate = new DriverAdapterError({ kind: "UniqueConstraintViolation", constraint: { fields: ["id"] } });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});
