// npm run bench: the API's throughput and latency against the framework's own
// floor (GET /api/ping), served by one process and by N. Builds the app; then
// for each process count serves it as npm start does (scripts/cluster.ts for
// more than one) on a fresh throw-away PostgreSQL, seeds users and tasks
// through the API, measures each workload in two phases: a closed loop
// (throughput) and an open loop at half the baseline's throughput (latency
// without queueing), and reads the server processes' memory after the load.
// Last, the speed-up of N processes over one. It measures and prints; it
// never fails on a missed goal.
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { closedLoop } from "./bench-load";
import { formatOverhead, measureOverhead } from "./bench-overhead";
import { closedAgainstBaseline, closedPhase, openPhase, type PhaseSettings } from "./bench-phases";
import { closedRow, formatProgress, formatSpeedUps, formatTable, openRow, type Row, speedUps } from "./bench-report";
import { build } from "./bench-server";
import { splitReport } from "./bench-split";
import { type BenchUser, refreshTokens, seed, workloads } from "./bench-workloads";
import { parsePort, root, ScriptError } from "./database";
import { formatMemory, serverMemory } from "./process-memory";
import { runScript, startThrowawayApp, stopThrowawayApp } from "./throwaway-app";

const USAGE = `Usage: npm run bench -- [options]   (each option also reads the BENCH_* variable named after it)
  --duration <s>      measured seconds per workload and phase (BENCH_DURATION, 20)
  --warmup <s>        unmeasured seconds before each measurement (BENCH_WARMUP, 3)
  --connections <n>   closed-loop connections (BENCH_CONNECTIONS, 32)
  --slices <n>        baseline slices interleaved with each closed loop, for its ratio; 0: none (BENCH_SLICES, 20)
  --rate <req/s>      open-loop rate (BENCH_RATE, half the baseline's closed-loop throughput)
  --only <ids>        some workloads: baseline,one,list,complete,post (BENCH_ONLY, all)
  --processes <n>     also serve from n processes and compare with one; 1: one only (BENCH_PROCESSES, the cores: ${availableParallelism()})
  --port <n>          the app's port on 127.0.0.1 (BENCH_PORT, 3300)
  --server-node-options=<flags>  node flags for each app server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (BENCH_SERVER_NODE_OPTIONS)
  --skip-build        serve the existing build`;

const USERS = 10;
const TASKS_EACH = 50;
const WORKLOAD_IDS: Record<string, string> = {
  baseline: "baseline",
  "GET one": "one",
  "GET list": "list",
  "PATCH complete": "complete",
  POST: "post",
};

interface Options {
  durationMs: number;
  warmupMs: number;
  connections: number;
  slices: number;
  rate: number | undefined;
  only: string[] | undefined;
  processes: number;
  port: number;
  serverNodeOptions: string | undefined;
  skipBuild: boolean;
}

function readOptions(env: NodeJS.ProcessEnv): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: env.BENCH_DURATION ?? "20" },
      warmup: { type: "string", default: env.BENCH_WARMUP ?? "3" },
      connections: { type: "string", default: env.BENCH_CONNECTIONS ?? "32" },
      slices: { type: "string", default: env.BENCH_SLICES ?? "20" },
      rate: { type: "string", default: env.BENCH_RATE },
      only: { type: "string", default: env.BENCH_ONLY },
      processes: { type: "string", default: env.BENCH_PROCESSES ?? String(availableParallelism()) },
      port: { type: "string", default: env.BENCH_PORT ?? "3300" },
      "server-node-options": { type: "string", default: env.BENCH_SERVER_NODE_OPTIONS },
      "skip-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only?.split(",").map((id) => id.trim());
  const unknown = only?.find((id) => !Object.values(WORKLOAD_IDS).includes(id));
  if (unknown !== undefined) throw new ScriptError(`unknown workload "${unknown}" in --only.\n${USAGE}`);
  if (only && !only.includes("baseline") && values.rate === undefined) {
    throw new ScriptError("--only without the baseline needs --rate: the open loop's rate comes from the baseline.");
  }
  const processes = positive("processes", values.processes);
  if (!Number.isInteger(processes)) throw new ScriptError(`--processes must be a whole number.\n${USAGE}`);
  return {
    processes,
    durationMs: positive("duration", values.duration) * 1000,
    warmupMs: positive("warmup", values.warmup, true) * 1000,
    connections: Math.round(positive("connections", values.connections)),
    slices: Math.round(positive("slices", values.slices, true)),
    rate: values.rate === undefined ? undefined : positive("rate", values.rate),
    only,
    port: parsePort("--port", values.port),
    serverNodeOptions: values["server-node-options"],
    skipBuild: values["skip-build"],
  };
}

function positive(name: string, value: string, zeroAllowed = false): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (number === 0 && !zeroAllowed)) {
    throw new ScriptError(`--${name} must be a positive number, not "${value}".\n${USAGE}`);
  }
  return number;
}

function describeMachine(options: Options): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return undefined;
    }
  };
  const commit = git("rev-parse", "--short", "HEAD") ?? "unknown";
  const dirty = (git("status", "--porcelain") ?? "") !== "";
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  const { durationMs, warmupMs } = options;
  return [
    `commit ${commit}${dirty ? " (with uncommitted changes)" : ""}, node ${process.version}, ${cpus().length} cores, load average ${load}`,
    `${USERS} users × ${TASKS_EACH} tasks; ${durationMs / 1000} s measured after ${warmupMs / 1000} s warm-up per workload and phase; closed loop at ${options.connections} connections`,
    options.slices > 0
      ? `closed-loop ratios: each workload in ${options.slices} slices between baseline slices, median of the slice ratios`
      : "closed-loop ratios: against the baseline's own closed loop",
  ].join("\n");
}

async function main(): Promise<undefined> {
  const options = readOptions(process.env);
  if (!options.skipBuild) await build();
  console.log(describeMachine(options));
  const single = await measureServer(options, 1);
  if (options.processes > 1) {
    const multiple = await measureServer(options, options.processes);
    console.log(`\nSpeed-up of ${options.processes} processes over one (closed loop):`);
    console.log(formatSpeedUps(speedUps(single, multiple), options.processes));
  }
  const getOne = single.find((row) => row.workload === "GET one" && row.phase === "closed");
  const cpu =
    getOne?.cpu && getOne.measurement.rate > 0 ? (getOne.cpu.server / getOne.measurement.rate) * 1000 : undefined;
  console.log(`\n${formatOverhead(measureOverhead(), cpu)}`);
}

/** Every workload against the app served by `processes` processes, on fresh data; prints its table. */
async function measureServer(options: Options, processes: number): Promise<Row[]> {
  const title = processes === 1 ? "One server process" : `${processes} server processes`;
  console.log(`\n${title}:`);
  const app = await startThrowawayApp({
    name: "bench",
    port: options.port,
    processes,
    nodeFlags: options.serverNodeOptions?.split(/\s+/).filter(Boolean) ?? [],
    skipBuild: true,
  });
  const pool = new Pool(app.url, {
    connections: options.connections,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  try {
    const users = await seed(pool, app.origin, USERS, TASKS_EACH);
    const settings = { ...options, pool, serverPid: app.serverPid };
    const { rows, openRate } = await measureAll(settings, options, users);
    const byPhase = [...rows.filter((row) => row.phase === "closed"), ...rows.filter((row) => row.phase === "open")];
    console.log(`\n${title}, open loop at ${openRate.toFixed(0)} req/s.\n${formatTable(byPhase)}`);
    console.log(formatMemory(serverMemory(app.serverPid, processes)));
    // Where one process's CPU goes: the split needs the server to itself.
    if (processes === 1 && users[0]) console.log(`\n${await splitReport(settings, rows, app, users[0])}`);
    return rows;
  } finally {
    await pool.close();
    await stopThrowawayApp();
  }
}

async function measureAll(settings: PhaseSettings, options: Options, users: BenchUser[]) {
  const rows: Row[] = [];
  const report = (row: Row) => {
    rows.push(row);
    console.log(formatProgress(row));
  };
  const [baseline, ...others] = workloads(users);
  if (!baseline) throw new ScriptError("no baseline workload");
  const selected = [baseline, ...others].filter(
    (workload) => !options.only || options.only.includes(WORKLOAD_IDS[workload.name] ?? ""),
  );
  // Every route once before anything is measured: until the server's and the
  // load generator's code is optimised, whatever runs first looks slow.
  if (settings.warmupMs > 0) {
    for (const workload of selected)
      await closedLoop(settings.pool, workload.next, settings.connections, settings.warmupMs);
  }
  let baselineRate: number | undefined;
  let openRate = options.rate ?? 0;
  for (const workload of selected) {
    await refreshTokens(settings.pool, users); // 15-minute tokens outlive one workload, not a long run
    if (workload === baseline) {
      const closed = await closedPhase(settings, workload.next);
      baselineRate = closed.measurement.rate;
      openRate ||= baselineRate / 2;
      report(closedRow(workload.name, closed, 1, undefined));
    } else if (settings.slices > 0) {
      const closed = await closedAgainstBaseline(settings, workload.next, baseline.next);
      report(closedRow(workload.name, closed, closed.ratio, workload.goal));
    } else {
      const closed = await closedPhase(settings, workload.next);
      const ratio = baselineRate ? closed.measurement.rate / baselineRate : undefined;
      report(closedRow(workload.name, closed, ratio, workload.goal));
    }
    report(openRow(workload.name, await openPhase(settings, workload.next, openRate)));
  }
  return { rows, openRate };
}

runScript("npm run bench", main);
