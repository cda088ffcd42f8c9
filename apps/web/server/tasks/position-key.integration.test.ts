import fc from "fast-check";
import { generateKeyBetween } from "fractional-indexing";
import pg from "pg";
import { afterAll, expect, it } from "vitest";

// The database's position_between (a migration) must pick exactly the key the
// library picks, so that keys made by either side keep one order.
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
afterAll(() => client.end());

async function inDatabase(a: string | null, b: string | null): Promise<string> {
  const { rows } = await client.query<{ key: string }>('SELECT "position_between"($1, $2) AS "key"', [a, b]);
  const [row] = rows;
  if (!row) throw new Error("no row");
  return row.key;
}

// Keys as a list grows: each new one goes first, last, or between two neighbours.
const keyLists = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom("first", "last", "between")), { minLength: 1, maxLength: 120 })
  .map((steps) => {
    const keys: string[] = [];
    for (const [pick, where] of steps) {
      const index = keys.length === 0 ? 0 : pick % keys.length;
      if (where === "first") keys.unshift(generateKeyBetween(null, keys[0] ?? null));
      else if (where === "last") keys.push(generateKeyBetween(keys.at(-1) ?? null, null));
      else keys.splice(index + 1, 0, generateKeyBetween(keys[index] ?? null, keys[index + 1] ?? null));
    }
    return keys;
  });

it("matches fractional-indexing before, after and between any keys", async () => {
  await fc.assert(
    fc.asyncProperty(keyLists, fc.nat(), async (keys, pick) => {
      const index = pick % keys.length;
      const a = keys[index] ?? null;
      const b = keys[index + 1] ?? null;
      expect(await inDatabase(null, a)).toBe(generateKeyBetween(null, a));
      expect(await inDatabase(a, null)).toBe(generateKeyBetween(a, null));
      expect(await inDatabase(a, b)).toBe(generateKeyBetween(a, b));
    }),
    { numRuns: 300 },
  );
});

it("matches at the edges: the first key, long integers, the smallest integer", async () => {
  const cases: Array<[string | null, string | null]> = [
    [null, null],
    ["a0", null],
    [null, "a0"],
    ["Zz", "a0"],
    ["az", null],
    ["zzzzzzzzzzzzzzzzzzzzzzzzzzz", null],
    [null, "A00000000000000000000000001"],
    [null, "B0000000000000000000000000"],
    ["a0", "a1"],
    ["a0V", "a0V1"],
  ];
  for (const [a, b] of cases) expect(await inDatabase(a, b)).toBe(generateKeyBetween(a, b));
});

it("refuses what the library refuses", async () => {
  for (const [a, b] of [
    ["a0", "a0"],
    ["a00", null],
    ["-", null],
  ] as const) {
    expect(() => generateKeyBetween(a, b)).toThrow();
    await expect(inDatabase(a, b)).rejects.toThrow();
  }
});
