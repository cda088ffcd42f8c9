import { describe, expect, it } from "vitest";
import { SESSION_ACTIVITY_SECONDS, sessionActivity } from "./session-activity";

describe("sessionActivity", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("calls the device showing the page active now, however old its session's stamp", () => {
    expect(sessionActivity(ago(4 * 60_000), now, true)).toBe("Active now");
    expect(sessionActivity(ago(3 * 86_400_000), now, true)).toBe("Active now");
  });

  it.each([
    [0, "Active in the last 5 minutes"],
    [SESSION_ACTIVITY_SECONDS * 1000 - 1, "Active in the last 5 minutes"],
    [SESSION_ACTIVITY_SECONDS * 1000, "Last active 5 minutes ago"],
    [42 * 60_000, "Last active 42 minutes ago"],
    [3 * 86_400_000, "Last active 3 days ago"],
  ])("another device stamped %i ms ago: %s", (elapsed, expected) => {
    expect(sessionActivity(ago(elapsed), now, false)).toBe(expected);
  });
});
