import { describe, expect, it } from "vitest";
import { EXTRA_ALLOWANCE_BYTES, measureRoutes, PAGE_ALLOWANCE_BYTES, routeOf, sizeReport } from "./size-budget";

const KB = 1024;
const sizes: Record<string, number> = {
  "runtime.js": 100 * KB,
  "layout.js": 10 * KB,
  "form.js": 5 * KB,
  "a.css": 2 * KB,
};
const sizeOf = (file: string) => sizes[file] ?? 0;
const floor = { route: "/_not-found", js: ["runtime.js", "layout.js"], css: ["a.css"] };

describe("routeOf", () => {
  it.each([
    ["/page", "/"],
    ["/tasks/page", "/tasks"],
    ["/(auth)/sign-in/page", "/sign-in"],
    ["/(auth)/account/delete/page", "/account/delete"],
    ["/_not-found/page", "/_not-found"],
  ])("%s is %s", (key, route) => {
    expect(routeOf(key)).toBe(route);
  });
});

describe("measureRoutes", () => {
  it("counts a file once per route and measures it against the floor", () => {
    const { floorBytes, rows } = measureRoutes(
      [{ route: "/sign-in", js: ["runtime.js", "layout.js", "layout.js", "form.js"], css: ["a.css", "a.css"] }],
      floor,
      sizeOf,
    );
    expect(floorBytes).toBe(110 * KB);
    expect(rows).toEqual([
      {
        route: "/sign-in",
        jsBytes: 115 * KB,
        cssBytes: 2 * KB,
        overFloorBytes: 5 * KB,
        budgetBytes: 110 * KB + PAGE_ALLOWANCE_BYTES,
        excessBytes: 0,
      },
    ]);
  });

  it("says by how much a route is over, one byte past its budget included", () => {
    const heavy: Record<string, number> = { ...sizes, "heavy.js": PAGE_ALLOWANCE_BYTES + 1 };
    const { rows } = measureRoutes(
      [{ route: "/tasks", js: ["runtime.js", "layout.js", "heavy.js"], css: [] }],
      floor,
      (file) => heavy[file] ?? 0,
    );
    expect(rows[0]?.excessBytes).toBe(1);
  });

  it("gives /docs its own extra allowance", () => {
    const extra = EXTRA_ALLOWANCE_BYTES["/docs"] ?? 0;
    expect(extra).toBeGreaterThan(0);
    const { rows } = measureRoutes([{ route: "/docs", js: floor.js, css: [] }], floor, sizeOf);
    expect(rows[0]?.budgetBytes).toBe(110 * KB + PAGE_ALLOWANCE_BYTES + extra);
  });
});

describe("sizeReport", () => {
  it("names each route over its budget, and only those", () => {
    const heavy: Record<string, number> = { ...sizes, "heavy.js": 30 * KB };
    const { floorBytes, rows } = measureRoutes(
      [
        { route: "/sign-in", js: ["runtime.js", "form.js"], css: [] },
        { route: "/tasks", js: ["runtime.js", "layout.js", "heavy.js"], css: [] },
      ],
      floor,
      (file) => heavy[file] ?? 0,
    );
    const { table, failures } = sizeReport(floorBytes, rows);
    expect(failures).toEqual(["/tasks: 140.0 KB of JS is 5.0 KB over its budget of 135.0 KB"]);
    expect(table).toContain("OVER by 5.0 KB");
    expect(table.split("\n")).toHaveLength(4);
  });
});
