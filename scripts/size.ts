// npm run size: the gzipped JavaScript and CSS each page of the production
// build loads first, against the budget (the framework's floor + 25 KB; see
// size-budget.ts). Builds first through turbo, which replays the build when
// nothing changed (so after `npm run e2e`, or before it, one build serves both).
// Exits 1 naming each page over its budget.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { FLOOR_ROUTE, readRouteFiles } from "./next-route-files";
import { measureRoutes, sizeReport } from "./size-budget";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const distDir = join(root, "apps/web/.next");

function main(): number {
  if (!process.argv.includes("--no-build")) build();
  const { floor, routes } = readRouteFiles(distDir);
  // gzip at its default level, as Node's and nginx's compression send it.
  const sizeOf = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  const { floorBytes, rows } = measureRoutes(routes, floor, sizeOf);
  const { table, failures } = sizeReport(floorBytes, rows);
  console.log(table);
  console.log(`(floor: Next's own ${FLOOR_ROUTE} page of the same build)`);
  for (const failure of failures) console.error(`size: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

function build(): void {
  const result = spawnSync("npx", ["turbo", "run", "build", "--filter=@todo/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) {
    console.error("size: the build failed (see above)");
    process.exit(1);
  }
}

process.exit(main());
