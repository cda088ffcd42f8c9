import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuidv7";

describe("uuidv7", () => {
  it("is a lower-case version 7 UUID carrying the time in its first 48 bits", () => {
    const time = new Date("2026-12-01T10:15:30.123Z");
    const id = uuidv7(time);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(time.getTime());
  });

  it("sorts by time and differs within the same millisecond", () => {
    const earlier = uuidv7(new Date(1_000));
    const later = uuidv7(new Date(2_000));
    expect(earlier < later).toBe(true);
    expect(uuidv7(new Date(5_000))).not.toBe(uuidv7(new Date(5_000)));
  });
});
