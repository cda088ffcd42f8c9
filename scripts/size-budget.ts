// The budgets `npm run size` checks: pure arithmetic over the files each route
// loads first and their gzipped sizes, so it is tested without a build.

/** What each page may ship over the framework's floor. */
export const PAGE_ALLOWANCE_BYTES = 25 * 1024;

/**
 * Routes that may ship more, and why. /docs is the API reference: beyond the
 * default it may carry what it renders, which today is its "Try it" request
 * form; the extra room is sized for that form to grow (a request builder),
 * not for the app's shared code.
 */
export const EXTRA_ALLOWANCE_BYTES: Readonly<Record<string, number>> = { "/docs": 10 * 1024 };

export interface RouteFiles {
  route: string;
  js: readonly string[];
  css: readonly string[];
}

export interface RouteSize {
  route: string;
  jsBytes: number;
  cssBytes: number;
  /** JS over the floor's. */
  overFloorBytes: number;
  budgetBytes: number;
  /** By how much the JS exceeds its budget; 0 when within it. */
  excessBytes: number;
}

/** Sizes each route's first-load JS and CSS; a file shared by several counts once per route. */
export function measureRoutes(
  routes: readonly RouteFiles[],
  floor: RouteFiles,
  sizeOf: (file: string) => number,
): { floorBytes: number; rows: RouteSize[] } {
  const total = (files: readonly string[]) => [...new Set(files)].reduce((sum, file) => sum + sizeOf(file), 0);
  const floorBytes = total(floor.js);
  const rows = routes.map(({ route, js, css }) => {
    const jsBytes = total(js);
    const budgetBytes = floorBytes + PAGE_ALLOWANCE_BYTES + (EXTRA_ALLOWANCE_BYTES[route] ?? 0);
    return {
      route,
      jsBytes,
      cssBytes: total(css),
      overFloorBytes: jsBytes - floorBytes,
      budgetBytes,
      excessBytes: Math.max(jsBytes - budgetBytes, 0),
    };
  });
  return { floorBytes, rows };
}

/**
 * The route a page's manifest key stands for: route groups and the trailing
 * `/page` go, `/page` alone is `/`. Next's own error pages (`/_not-found`,
 * `/_global-error`) keep their names.
 */
export function routeOf(pageKey: string): string {
  const segments = pageKey.split("/").filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  if (segments.at(-1) === "page") segments.pop();
  return `/${segments.join("/")}`;
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table `npm run size` prints, and one line per route over its budget. */
export function sizeReport(floorBytes: number, rows: readonly RouteSize[]): { table: string; failures: string[] } {
  const header = ["route", "JS (gzip)", "over floor", "budget", "CSS (gzip)", ""];
  const lines = rows.map((row) => [
    row.route,
    kilobytes(row.jsBytes),
    `+${kilobytes(row.overFloorBytes)}`,
    kilobytes(row.budgetBytes),
    kilobytes(row.cssBytes),
    row.excessBytes > 0 ? `OVER by ${kilobytes(row.excessBytes)}` : "ok",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const table = [
    `framework floor (an empty page): ${kilobytes(floorBytes)} of JS; each page may add ${kilobytes(PAGE_ALLOWANCE_BYTES)}`,
    format(header),
    ...lines.map(format),
  ].join("\n");
  const failures = rows
    .filter((row) => row.excessBytes > 0)
    .map(
      (row) =>
        `${row.route}: ${kilobytes(row.jsBytes)} of JS is ${kilobytes(row.excessBytes)} over its budget of ${kilobytes(row.budgetBytes)}`,
    );
  return { table, failures };
}
