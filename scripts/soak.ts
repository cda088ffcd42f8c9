// npm run soak: a long run of mixed traffic against the production build (on a
// throw-away PostgreSQL, as `npm run bench` serves it), to show the server
// neither fails requests nor keeps growing in memory under steady load. It
// prints a line a minute and a verdict, and exits 1 when a goal is missed.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { type BenchUser, refreshTokens, seed } from "./bench-workloads";
import { parsePort, ScriptError } from "./database";
import { megabytes, serverMemory } from "./process-memory";
import { judge } from "./soak-goals";
import { newTraffic, sendTraffic } from "./soak-traffic";
import { runScript, startThrowawayApp } from "./throwaway-app";

const USAGE = `Usage: npm run soak -- [options]
  --duration <s>      seconds of traffic (SOAK_DURATION, 600)
  --connections <n>   connections, each with one request in flight (SOAK_CONNECTIONS, 32)
  --port <n>          the app's port on 127.0.0.1 (SOAK_PORT, 3400)
  --skip-build        serve the existing build`;

const USERS = 10;
const TASKS_EACH = 50;
const SAMPLE_MS = 5_000;
const MINUTE_MS = 60_000;
// Tokens live 15 minutes.
const TOKEN_REFRESH_MS = 5 * 60_000;

interface Options {
  durationMs: number;
  connections: number;
  port: number;
  skipBuild: boolean;
}

function readOptions(env: NodeJS.ProcessEnv): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: env.SOAK_DURATION ?? "600" },
      connections: { type: "string", default: env.SOAK_CONNECTIONS ?? "32" },
      port: { type: "string", default: env.SOAK_PORT ?? "3400" },
      "skip-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, value: string) => {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0)
      throw new ScriptError(`--${name} must be a positive number.\n${USAGE}`);
    return number;
  };
  return {
    durationMs: positive("duration", values.duration) * 1000,
    connections: Math.round(positive("connections", values.connections)),
    port: parsePort("--port", values.port),
    skipBuild: values["skip-build"],
  };
}

/** Resident memory of the server and any process it started, in bytes. */
function serverRss(serverPid: number): number {
  const { servers, launcher } = serverMemory(serverPid, 1);
  return servers.reduce((sum, each) => sum + each, launcher);
}

function medianRss(samples: Array<{ at: number; rss: number }>, from: number, to: number): number | undefined {
  const values = samples
    .filter(({ at }) => at >= from && at < to)
    .map(({ rss }) => rss)
    .sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

async function main(): Promise<number> {
  const options = readOptions(process.env);
  const app = await startThrowawayApp({
    name: "soak",
    port: options.port,
    processes: 1,
    nodeFlags: [],
    skipBuild: options.skipBuild,
  });
  const pool = new Pool(app.url, { connections: options.connections, headersTimeout: 30_000, bodyTimeout: 30_000 });
  try {
    const users = await seed(pool, app.origin, USERS, TASKS_EACH);
    console.log(
      `${USERS} users × ${TASKS_EACH} tasks; ${options.durationMs / 1000} s at ${options.connections} connections; ` +
        `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at the start`,
    );
    return await soak(pool, users, app.serverPid, options);
  } finally {
    await pool.close();
  }
}

async function soak(pool: Pool, users: BenchUser[], serverPid: number, options: Options): Promise<number> {
  const traffic = newTraffic();
  const created = new Map<BenchUser, string[]>();
  const started = performance.now();
  const end = started + options.durationMs;
  const done = () => performance.now() >= end;
  const samples: Array<{ at: number; rss: number }> = [];
  let lastReport = { at: started, requests: 0, errors: 0 };

  const sampler = setInterval(() => {
    const now = performance.now();
    const rss = serverRss(serverPid);
    samples.push({ at: now - started, rss });
    if (now - lastReport.at >= MINUTE_MS - SAMPLE_MS / 2) {
      const rate = (traffic.requests - lastReport.requests) / ((now - lastReport.at) / 1000);
      console.log(
        `${((now - started) / 60_000).toFixed(1)} min: ${rate.toFixed(0)} req/s, ` +
          `${traffic.errors - lastReport.errors} errors, server RSS ${megabytes(rss)}, load average ${loadavg()[0]?.toFixed(2)}`,
      );
      lastReport = { at: now, requests: traffic.requests, errors: traffic.errors };
    }
  }, SAMPLE_MS);
  const refresher = setInterval(() => void refreshTokens(pool, users).catch(() => {}), TOKEN_REFRESH_MS);
  try {
    await Promise.all(
      Array.from({ length: options.connections }, () => sendTraffic(pool, users, created, traffic, done)),
    );
  } finally {
    clearInterval(sampler);
    clearInterval(refresher);
  }
  // One sample is noise (a collection just ran, or is due): each figure is the
  // median of a minute's samples, the second minute's and the last one's.
  const elapsed = performance.now() - started;
  const enough = elapsed >= 2 * MINUTE_MS;
  const rssAfterFirstMinute = enough ? medianRss(samples, MINUTE_MS, 2 * MINUTE_MS) : undefined;
  const rssAtEnd = enough ? medianRss(samples, elapsed - MINUTE_MS, elapsed) : undefined;

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n${traffic.requests} requests in ${seconds.toFixed(0)} s (${(traffic.requests / seconds).toFixed(0)} req/s)`,
  );
  for (const [operation, histogram] of traffic.latency) {
    const ms = (percentile: number) => (histogram.percentile(percentile) / 1000).toFixed(1);
    console.log(`  ${operation.padEnd(8)} ${String(histogram.count).padStart(8)}  p50 ${ms(50)} ms  p99 ${ms(99)} ms`);
  }
  for (const example of traffic.examples) console.log(`  error: ${example}`);
  console.log(
    `server RSS (median of the minute's samples) after the first minute ${megabytes(rssAfterFirstMinute)}, ` +
      `in the last minute ${megabytes(rssAtEnd)}; lowest ${megabytes(Math.min(...samples.map(({ rss }) => rss)))}, ` +
      `highest ${megabytes(Math.max(...samples.map(({ rss }) => rss)))}`,
  );

  const verdicts = judge({ errors: traffic.errors, rssAfterFirstMinute, rssAtEnd });
  for (const { goal, pass } of verdicts) {
    console.log(`${pass === undefined ? "n/a " : pass ? "PASS" : "FAIL"}  ${goal}`);
  }
  return verdicts.some((verdict) => verdict.pass === false) ? 1 : 0;
}

runScript("npm run soak", main);
