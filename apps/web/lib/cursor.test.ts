import { describe, expect, it } from "vitest";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor";

const id = "0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f";
const createdAt = new Date("2026-11-23T10:15:30.123Z");

describe("cursor", () => {
  it.each<Cursor>([
    { sort: "created", createdAt, id },
    { sort: "due", dueDate: "2026-12-24", createdAt, id },
    { sort: "due", dueDate: null, createdAt, id },
    { sort: "priority", priority: "high", createdAt, id },
    { sort: "manual", position: "a0V" },
  ])("round-trips a $sort cursor", (cursor) => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it("still reads the cursors made before sorts existed", () => {
    const old = btoa(`${createdAt.getTime()}:${id}`).replace(/=+$/, "");
    expect(decodeCursor(old)).toEqual({ sort: "created", createdAt, id });
  });

  const encode = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  it.each([
    ["not base64url", "a+b/c="],
    ["empty", ""],
    ["an unknown sort", encode(`x:1:${id}`)],
    ["an impossible due date", encode(`d:2026-02-30:1:${id}`)],
    ["an unknown priority", encode(`p:urgent:1:${id}`)],
    ["a position outside the key alphabet", encode("m:a-0")],
    ["extra keys", encode(`c:1:${id}:more`)],
    ["a timestamp that is not a number", encode(`c:soon:${id}`)],
    ["an id that is not a UUID", encode("c:1:42")],
  ])("refuses %s", (_, text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
