// npm run bench: the API's throughput and latency against the framework's own
// floor (GET /api/ping), served by one process and by N. Builds the app, then
// serves it as npm start does from one process on --port and, at the same
// time, from N (scripts/cluster.ts) on the next port, both on one throw-away
// PostgreSQL, and seeds users and tasks through the API once. Then against
// each server in turn (the other idles) it measures each workload in two
// phases: a closed loop (throughput) and an open loop at half the baseline's
// throughput (latency without queueing), and reads the server processes'
// memory after the load. Last, the speed-up of N processes over one, from
// closed loops that alternate between the two servers in slices, so the
// machine's drift cancels. It measures and prints; it never fails on a missed
// goal.
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { closedLoop } from "./bench-load";
import { formatOverhead, measureOverhead } from "./bench-overhead";
import { closedAgainstBaseline, closedPhase, closedSpeedUp, openPhase, type PhaseSettings } from "./bench-phases";
import {
  closedRow,
  formatProgress,
  formatSpeedUps,
  formatTable,
  openRow,
  type Row,
  type SpeedUp,
  speedUpRow,
} from "./bench-report";
import { build } from "./bench-server";
import { splitReport } from "./bench-split";
import { type BenchUser, refreshTokens, seed, type Workload, workloads } from "./bench-workloads";
import { parsePort, root, ScriptError } from "./database";
import { formatMemory, serverMemory } from "./process-memory";
import { runScript, startThrowawayApp, type ThrowawayApp } from "./throwaway-app";

const USAGE = `Usage: npm run bench -- [options]   (each option also reads the BENCH_* variable named after it)
  --duration <s>      measured seconds per workload and phase (BENCH_DURATION, 20)
  --warmup <s>        unmeasured seconds before each measurement (BENCH_WARMUP, 3)
  --connections <n>   closed-loop connections (BENCH_CONNECTIONS, 32)
  --slices <n>        baseline slices interleaved with each closed loop, for its ratio; 0: none; also the N-process
                      slices of the speed-up, between one-process slices (at least 1) (BENCH_SLICES, 20)
  --rate <req/s>      open-loop rate (BENCH_RATE, half the baseline's closed-loop throughput)
  --only <ids>        some workloads: baseline,one,list,complete,post (BENCH_ONLY, all)
  --processes <n>     also serve from n processes, beside the one, and measure the speed-up; 1: one only
                      (BENCH_PROCESSES, the cores: ${availableParallelism()})
  --port <n>          the one-process server's port on 127.0.0.1; the n-process server's is the next (BENCH_PORT, 3300)
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
  const port = parsePort("--port", values.port);
  if (processes > 1) parsePort("--port + 1, the n-process server's port,", String(port + 1));
  return {
    processes,
    durationMs: positive("duration", values.duration) * 1000,
    warmupMs: positive("warmup", values.warmup, true) * 1000,
    connections: Math.round(positive("connections", values.connections)),
    slices: Math.round(positive("slices", values.slices, true)),
    rate: values.rate === undefined ? undefined : positive("rate", values.rate),
    only,
    port,
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
  const app = await startThrowawayApp({
    name: "bench",
    port: options.port,
    processes: 1,
    alongside: options.processes > 1 ? [{ port: options.port + 1, processes: options.processes }] : [],
    nodeFlags: options.serverNodeOptions?.split(/\s+/).filter(Boolean) ?? [],
    skipBuild: true,
  });
  const servers = [app, ...app.alongside];
  const appServers = servers.map(({ serverPid }) => serverPid);
  const [single, multiple] = servers.map(
    ({ url, serverPid }): PhaseSettings => ({
      ...options,
      pool: new Pool(url, { connections: options.connections, headersTimeout: 30_000, bodyTimeout: 30_000 }),
      serverPid,
      appServers,
    }),
  );
  if (!single) throw new ScriptError("no server started");
  try {
    const users = await seed(single.pool, app.origin, USERS, TASKS_EACH);
    const rows = await measureServer(single, 1, app, options, users);
    if (multiple) {
      await measureServer(multiple, options.processes, app, options, users);
      await measureSpeedUps(single, multiple, options, users);
    }
    const getOne = rows.find((row) => row.workload === "GET one" && row.phase === "closed");
    const cpu =
      getOne?.cpu && getOne.measurement.rate > 0 ? (getOne.cpu.server / getOne.measurement.rate) * 1000 : undefined;
    console.log(`\n${formatOverhead(measureOverhead(), cpu)}`);
  } finally {
    await Promise.all([single, multiple].map((settings) => settings?.pool.close()));
  }
}

/**
 * Every workload against one of the servers (the other idles), on the data
 * seeded once; prints its table and its processes' memory after the load.
 */
async function measureServer(
  settings: PhaseSettings,
  processes: number,
  app: ThrowawayApp,
  options: Options,
  users: BenchUser[],
): Promise<Row[]> {
  const title = processes === 1 ? "One server process" : `${processes} server processes`;
  const idle = settings.appServers.length > 1 ? " (the other server idles)" : "";
  console.log(`\n${title}${idle}:`);
  const { rows, openRate } = await measureAll(settings, options, users);
  const byPhase = [...rows.filter((row) => row.phase === "closed"), ...rows.filter((row) => row.phase === "open")];
  console.log(`\n${title}, open loop at ${openRate.toFixed(0)} req/s.\n${formatTable(byPhase)}`);
  console.log(formatMemory(serverMemory(settings.serverPid, processes)));
  // Where one process's CPU goes: the split needs that server to itself.
  if (processes === 1 && users[0]) console.log(`\n${await splitReport(settings, rows, app, users[0])}`);
  return rows;
}

/** Each workload's closed loop on the two servers in turns, and the speed-up table. */
async function measureSpeedUps(
  single: PhaseSettings,
  multiple: PhaseSettings,
  options: Options,
  users: BenchUser[],
): Promise<void> {
  const slices = Math.max(1, options.slices);
  console.log(
    `\nSpeed-up of ${options.processes} processes over one: each closed loop in ${slices} slices on the ` +
      `${options.processes} processes between slices on one (1 N 1 … N 1); req/s: each side's mean; ` +
      "speed-up: the median of each N slice's rate over the mean of the two 1 slices around it.",
  );
  const rows: SpeedUp[] = [];
  for (const workload of workloads(users).filter(isSelected(options))) {
    await refreshTokens(single.pool, users);
    const row = speedUpRow(workload.name, await closedSpeedUp(single, multiple, workload.next));
    console.log(
      `${row.workload}: ${row.single.measurement.rate.toFixed(0)} / ${row.multiple.measurement.rate.toFixed(0)} req/s, ` +
        `speed-up ${row.speedUp.toFixed(2)}×`,
    );
    rows.push(row);
  }
  console.log(`\n${formatSpeedUps(rows, options.processes)}`);
}

const isSelected =
  ({ only }: Options) =>
  (workload: Workload): boolean =>
    !only || only.includes(WORKLOAD_IDS[workload.name] ?? "");

async function measureAll(settings: PhaseSettings, options: Options, users: BenchUser[]) {
  const rows: Row[] = [];
  const report = (row: Row) => {
    rows.push(row);
    console.log(formatProgress(row));
  };
  const all = workloads(users);
  const [baseline] = all;
  if (!baseline) throw new ScriptError("no baseline workload");
  const selected = all.filter(isSelected(options));
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
