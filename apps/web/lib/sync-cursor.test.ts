import { describe, expect, it } from "vitest";
import { decodeSyncCursor, encodeSyncCursor, NIL_UUID } from "./sync-cursor";

describe("sync cursor", () => {
  it("round-trips with and without a task id", () => {
    const cursors = [
      { xid: 812n, floor: 790n, afterId: NIL_UUID },
      { xid: 2n ** 40n, floor: 5n, afterId: "0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f" },
    ];
    for (const cursor of cursors) {
      const text = encodeSyncCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeSyncCursor(text)).toEqual(cursor);
    }
  });

  it.each([
    ["empty", ""],
    ["not base64", "!!!"],
    ["no floor", btoa("12")],
    ["letters", btoa("12.x")],
    ["bad task id", btoa("12.3.not-a-uuid")],
    ["too many parts", btoa(`12.3.${NIL_UUID}.4`)],
    ["beyond int8", btoa("9223372036854775808.1")],
  ])("refuses %s", (_, text) => {
    expect(decodeSyncCursor(text.replace(/=+$/, ""))).toBeNull();
  });
});
