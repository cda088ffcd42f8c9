// The server under npm start when WEB_CONCURRENCY is above 1: that many
// `next start` processes on one port, through Node's cluster module (this
// process accepts the connections and hands them to the workers in turn).
// A worker that dies is started again, after a pause that grows while
// workers keep dying young. On SIGTERM or SIGINT every worker stops the way
// a single `next start` does (in-flight requests finish), then this exits.
//
// node --import tsx scripts/cluster.ts <workers> <one server's node arguments…>
// (built by nextStartArgs in next-server-args.ts).
import cluster, { type Worker } from "node:cluster";
import { nextBin } from "./next-server-args";
import { nextRestartDelay } from "./restart-delay";
import { stoppedOnRequest } from "./stop";

const [countText = "", ...serverArgs] = process.argv.slice(2);
const count = Number(countText);
const script = serverArgs.indexOf(nextBin());
if (!Number.isInteger(count) || count < 1 || script < 0) {
  console.error("Usage: cluster.ts <workers> <node flags…> <next bin> start <next arguments…>");
  process.exit(2);
}

// Workers run Next's own CLI with the node flags and server preload they were
// given, without this process's tsx loader.
cluster.setupPrimary({
  exec: nextBin(),
  args: serverArgs.slice(script + 1),
  execArgv: serverArgs.slice(0, script),
});

const startedAt = new Map<Worker, number>();
const listening = new Set<Worker>();
let restartDelayMs = 0;
let restart: NodeJS.Timeout | undefined;
let stopping = false;
let exitCode = 0;

function startWorker(): void {
  const worker = cluster.fork();
  startedAt.set(worker, Date.now());
  worker.once("listening", () => listening.add(worker));
}

cluster.on("exit", (worker, code, signal) => {
  const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
  const served = listening.delete(worker);
  startedAt.delete(worker);
  if (stopping) {
    if (!stoppedOnRequest(code, signal)) exitCode = 1;
    if (startedAt.size === 0) process.exit(exitCode);
    return;
  }
  const how = signal ?? `exit code ${code}`;
  if (!served) {
    // It never got as far as its port (a bad setting, say): the next one would not either.
    console.error(`A server process ended before it served (${how}); stopping.`);
    exitCode = 1;
    stop();
    return;
  }
  restartDelayMs = nextRestartDelay(restartDelayMs, lived);
  console.error(`Server process ${worker.process.pid} ended (${how}); starting another in ${restartDelayMs / 1000} s.`);
  clearTimeout(restart);
  restart = setTimeout(startWorker, restartDelayMs);
});

function stop(): void {
  if (stopping) return;
  stopping = true;
  clearTimeout(restart);
  if (startedAt.size === 0) process.exit(exitCode);
  for (const worker of startedAt.keys()) worker.process.kill("SIGTERM");
}

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, stop);
for (let started = 0; started < count; started++) startWorker();
