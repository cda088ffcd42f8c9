// How every launcher (npm start/dev, the e2e server, the benchmark) runs Next:
// node with the server preload (scripts/server-preload.cjs), then Next's own CLI.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const webDir = join(scriptsDir, "../apps/web");
/** Loaded into every Next server process (cluster workers too): see the file. */
export const SERVER_PRELOAD = join(scriptsDir, "server-preload.cjs");
const CLUSTER = join(scriptsDir, "cluster.ts");

/** Next's CLI, the script every server process runs. */
export const nextBin = (): string => createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");

/** Arguments for `process.execPath`: node flags first, then `next <mode> --port <port>` and any extra. */
export function nextServerArgs(mode: "start" | "dev", port: number, nodeFlags: string[] = [], extra: string[] = []) {
  return [...nodeFlags, "--require", SERVER_PRELOAD, nextBin(), mode, "--port", String(port), ...extra];
}

/**
 * Arguments for `process.execPath` that serve the build as npm start does:
 * one `next start`, or for more processes scripts/cluster.ts running that many
 * of them on one port (each with the same node flags and arguments).
 */
export function nextStartArgs(port: number, processes: number, nodeFlags: string[] = [], extra: string[] = []) {
  const server = nextServerArgs("start", port, nodeFlags, extra);
  return processes === 1 ? server : ["--import", "tsx", CLUSTER, String(processes), ...server];
}
