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

/**
 * V8 settings for every `next start` process. Under load, V8 let the old
 * generation grow to about four times the live heap before a full collection
 * (its default growth for a heap allowed 4 GB) and kept those pages: 520 MB
 * RSS with 60–90 MB live. A fixed growth factor collects sooner without a hard
 * limit to run out of; a cap (--max-old-space-size=128) got there too but
 * halved the throughput of the database routes. Measured: README, Benchmark.
 */
export const SERVER_V8_FLAGS: readonly string[] = ["--heap-growing-percent=50"];

/**
 * The environment for `next start` processes: glibc's malloc otherwise gives
 * each busy thread (V8's compiler and GC helpers, libuv's pool) an arena of
 * its own and keeps what they freed, about 90 MB per process after the
 * benchmark. Two arenas are enough for a process with one JavaScript thread.
 * A MALLOC_ARENA_MAX already set wins.
 */
export const serverEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ MALLOC_ARENA_MAX: "2", ...env });

/**
 * Arguments for `process.execPath`: node flags first (for `start`, after
 * SERVER_V8_FLAGS, which they may override), then `next <mode> --port <port>` and any extra.
 */
export function nextServerArgs(mode: "start" | "dev", port: number, nodeFlags: string[] = [], extra: string[] = []) {
  const flags = mode === "start" ? [...SERVER_V8_FLAGS, ...nodeFlags] : nodeFlags;
  return [...flags, "--require", SERVER_PRELOAD, nextBin(), mode, "--port", String(port), ...extra];
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
