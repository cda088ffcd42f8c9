// How every launcher (npm start/dev, the e2e server, the benchmark) runs Next:
// node with the server preload (scripts/server-preload.cjs), then Next's own CLI.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "../apps/web");
/** Loaded into every Next server process (cluster workers too): see the file. */
export const SERVER_PRELOAD = join(dirname(fileURLToPath(import.meta.url)), "server-preload.cjs");

/** Arguments for `process.execPath`: node flags first, then `next <mode> --port <port>` and any extra. */
export function nextServerArgs(mode: "start" | "dev", port: number, nodeFlags: string[] = [], extra: string[] = []) {
  const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  return [...nodeFlags, "--require", SERVER_PRELOAD, nextBin, mode, "--port", String(port), ...extra];
}
