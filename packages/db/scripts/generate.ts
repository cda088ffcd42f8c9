// `prisma generate`, also on machines where Prisma's native schema engine could
// not be downloaded: generating the client never runs that engine, but the CLI
// refuses to start without it, so any existing file will do as its path.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const require = createRequire(import.meta.url);
const enginesDir = dirname(require.resolve("@prisma/engines/package.json"));
const hasEngine = readdirSync(enginesDir).some((name) => name.startsWith("schema-engine"));

const result = spawnSync("npx", ["prisma", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: hasEngine ? process.env : { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
});
process.exit(result.status ?? 1);
