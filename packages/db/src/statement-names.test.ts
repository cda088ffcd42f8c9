import { describe, expect, it } from "vitest";
import { statementNames } from "./statement-names.ts";

describe("statementNames", () => {
  it("gives a text the same name every time, and different texts different names", () => {
    const name = statementNames();
    const first = name({ sql: 'SELECT "id" FROM "task" WHERE "id" = $1' });
    expect(first).toMatch(/^todo_[\w-]{32}$/);
    expect(name({ sql: 'SELECT "id" FROM "task" WHERE "id" = $1' })).toBe(first);
    expect(name({ sql: 'SELECT "id" FROM "task" WHERE "user_id" = $1' })).not.toBe(first);
  });

  it("agrees across processes: the name depends on the text alone", () => {
    const sql = "SELECT 1";
    expect(statementNames()({ sql })).toBe(statementNames()({ sql }));
  });

  it("names only the first texts it sees, and leaves the rest unnamed", () => {
    const name = statementNames(2);
    const a = name({ sql: "SELECT 1" });
    name({ sql: "SELECT 2" });
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 1" })).toBe(a);
  });
});
