import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type LockEntry, lookupPaths, unresolvedOptionalDependencies } from "./lockfile-optional";

describe("lookupPaths", () => {
  it.each([
    ["", "x", ["node_modules/x"]],
    ["node_modules/a", "@s/x", ["node_modules/a/node_modules/@s/x", "node_modules/@s/x"]],
    [
      "node_modules/@s/a/node_modules/b",
      "x",
      ["node_modules/@s/a/node_modules/b/node_modules/x", "node_modules/@s/a/node_modules/x", "node_modules/x"],
    ],
    ["apps/web", "x", ["apps/web/node_modules/x", "node_modules/x"]],
  ])("from %j finds %s at %j", (path, name, expected) => {
    expect(lookupPaths(path, name)).toEqual(expected);
  });
});

describe("unresolvedOptionalDependencies", () => {
  it("names an optional package that no entry on the lookup path provides", () => {
    const packages: Record<string, LockEntry> = {
      "node_modules/next": { optionalDependencies: { "@next/swc-linux-x64-gnu": "1", "@next/swc-darwin-x64": "1" } },
      "node_modules/@next/swc-linux-x64-gnu": {},
      "node_modules/other/node_modules/@next/swc-darwin-x64": {},
    };
    expect(unresolvedOptionalDependencies(packages)).toEqual(["node_modules/next → @next/swc-darwin-x64"]);
  });

  it("finds none missing in package-lock.json, so npm ci installs every platform's natives", () => {
    const lock: { packages: Record<string, LockEntry> } = JSON.parse(
      readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"),
    );
    expect(unresolvedOptionalDependencies(lock.packages)).toEqual([]);
  });
});
