// What the fuzz tests share. Seeded, so a run is repeatable: FUZZ_SEED=<n>
// tries other inputs, and a failure prints the seed and the smallest failing request.
import fc from "fast-check";

export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

export const runs = (numRuns: number) => ({ seed: SEED, numRuns });

// Strings of any code points (NUL and lone surrogates included), plain text, and edge sizes.
export const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\uD800", "\uFEFF", "%", "../..", "x".repeat(201), "é".repeat(1001)),
);

export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "Application/JSON",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/merge-patch+json",
  "",
  ";;;",
);

/** `?a=b&…` for the pairs, or "" for none. */
export function toSearch(pairs: Array<[string, string]> | Record<string, string>): string {
  const text = new URLSearchParams(pairs).toString();
  return text ? `?${text}` : "";
}
