// The app under test for `npm run bench`: a production build served on
// 127.0.0.1 as npm start serves it (one `next start`, or several through
// scripts/cluster.ts), started and stopped by the benchmark.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { root, ScriptError } from "./database";
import { nextStartArgs, serverEnv } from "./next-server-args";

const webDir = join(root, "apps/web");
const POLL_MS = 250;

/** Builds the app through turbo (cached), after any other `next build` in this tree has finished. */
export async function build(): Promise<void> {
  let announced = false;
  while (otherBuildRunning()) {
    if (!announced) console.log("Waiting for another `next build` to finish…");
    announced = true;
    await delay(2_000);
  }
  const result = spawnSync("npx", ["turbo", "run", "build", "--filter=@todo/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new ScriptError("the build failed (see above).");
}

// Two builds writing apps/web/.next at once corrupt each other.
function otherBuildRunning(): boolean {
  const result = spawnSync("pgrep", ["-f", "next build"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() !== "";
}

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** The last lines the server printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Serves the build from `processes` server processes; `nodeFlags` go to node
 * itself in each (NODE_OPTIONS refuses some, like --cpu-prof).
 */
export async function startServer(
  port: number,
  processes: number,
  nodeFlags: string[],
  env: NodeJS.ProcessEnv,
): Promise<AppServer> {
  await assertPortFree(port);
  const child = spawn(process.execPath, nextStartArgs(port, processes, nodeFlags, ["--hostname", "127.0.0.1"]), {
    cwd: webDir,
    env: serverEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const server: AppServer = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => lines.join("\n"),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  await waitUntilHealthy(server, 60_000);
  return server;
}

async function waitUntilHealthy(server: AppServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (server.process.exitCode === null && Date.now() < deadline) {
    const healthy = await fetch(`${server.url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await delay(POLL_MS);
  }
  const reason = server.process.exitCode === null ? `not healthy within ${timeoutMs / 1000} s` : "exited";
  await server.stop();
  throw new ScriptError(`the app server ${reason}:\n${server.output()}`);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new ScriptError(`port ${port} is in use: stop what uses it or pass --port.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}
