// Every way of stopping npm start and npm run dev stops the whole tree within
// 10 s with exit code 0: Ctrl-C (SIGINT to the terminal's process group),
// SIGTERM to the npm process (timeout, CI runners, process managers) and
// SIGTERM to the server process itself (a container's init, systemd; with
// several server processes, the cluster's primary). No process that npm
// started is left, each server process closes its database pool before the
// database shuts down cleanly, and the next start finds the data; a request
// in flight when the stop comes still completes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalPostgres } from "@todo/db/local-postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { root } from "./database";
import { otherSessions, type SessionEnds, sessionEnds } from "./database-sessions";
import { commandOf, descendants, leftOf, processTree, readProc, type SeenProcess } from "./process-tree";

const STOP_WITHIN_MS = 10_000;

let folder: string;
let env: Record<string, string>;
let port: number;
let databasePort: number;
/** The app's database while npm runs it. */
let databaseUrl: string;

const dataDir = () => join(folder, "postgres");

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "todo-serve-stop-"));
  chmodSync(folder, 0o755); // as root, PostgreSQL runs as the "postgres" user and must enter it
  port = await freePort();
  databasePort = await freePort();
  // Created here rather than by the first npm start, so that the test knows its URL.
  const database = await startLocalPostgres({
    dataDir: dataDir(),
    database: "todo",
    port: databasePort,
    detached: true,
  });
  databaseUrl = database.url;
  await database.stop();
  env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PORT: String(port),
    LOCAL_DATABASE_DIR: dataDir(),
    LOCAL_DATABASE_PORT: String(databasePort),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_RATE_LIMIT_MAX: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
    WEB_CONCURRENCY: "1",
  };
  // One build for every npm start below: with npm start's environment, whose
  // build (turbo's hash includes NODE_ENV, which vitest sets) then replays it.
  const build = spawnSync("npx", ["turbo", "run", "build", "--filter=@todo/web", "--output-logs=errors-only"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  expect(build.status).toBe(0);
}, 600_000);

let current: Running | undefined;

afterEach(async () => {
  // After a failed case: whatever still runs, so that the next case can start.
  const pid = current?.npm.pid;
  current = undefined;
  if (pid) {
    // Next runs in a process group of its own: end each process by pid.
    for (const left of [pid, ...descendants(pid)]) {
      try {
        process.kill(left, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  const lockFile = join(dataDir(), "postmaster.pid");
  const postmaster = existsSync(lockFile) ? Number(readFileSync(lockFile, "utf8").split("\n")[0]) : 0;
  if (postmaster > 0) {
    process.kill(postmaster, "SIGINT");
    await until(() => !existsSync(lockFile), STOP_WITHIN_MS);
  }
}, 2 * STOP_WITHIN_MS);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

type Script = "start" | "dev";
type Stop = "Ctrl-C" | "SIGTERM to npm" | "SIGTERM to the server";

interface Running {
  npm: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

/** npm start / npm run dev in its own process group, as a terminal runs a foreground job. */
async function launch(script: Script, extraEnv: Record<string, string> = {}): Promise<Running> {
  const npm = spawn("npm", script === "start" ? ["start"] : ["run", "dev"], {
    cwd: root,
    env: { ...env, ...extraEnv },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  npm.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const running: Running = { npm, output: () => output, exit };
  current = running;
  const ready = await Promise.race([until(() => output.includes("Todo is ready on")), exit.then(() => false)]);
  if (!ready) throw new Error(`npm ${script} ended before it was ready:\n${output}`);
  return running;
}

function stop(running: Running, how: Stop, workers: number): void {
  const pid = running.npm.pid ?? 0;
  if (how === "Ctrl-C") process.kill(-pid, "SIGINT");
  else if (how === "SIGTERM to npm") process.kill(pid, "SIGTERM");
  else process.kill(workers > 1 ? clusterPrimaryPid(pid) : serverPid(pid), "SIGTERM");
}

/** The process titled next-server among npm's descendants (under next dev, a grandchild of Next's CLI). */
function serverPid(ancestor: number): number {
  const [found] = serverPids(ancestor);
  if (found === undefined) throw new Error("no next-server process");
  return found;
}

function serverPids(ancestor: number): number[] {
  return descendants(ancestor).filter((pid) => commandOf(pid).startsWith("next-server"));
}

/** With several server processes, the one that started them (scripts/cluster.ts). */
function clusterPrimaryPid(ancestor: number): number {
  const found = descendants(ancestor).find((pid) => commandOf(pid).includes("scripts/cluster.ts"));
  if (found === undefined) throw new Error("no cluster primary");
  return found;
}

type Person = {
  email: string;
  password: string;
};

function newPerson(): Person {
  return { email: `stop-${randomUUID()}@example.com`, password: "correct horse battery" };
}

/** Sends the first half of the JSON body now; the returned function sends the rest and reads the answer. */
function slowSignUp(person: Person): Promise<() => Promise<number>> {
  const body = Buffer.from(JSON.stringify({ name: "Stop Test", ...person }));
  const half = Math.floor(body.length / 2);
  return new Promise((resolve, reject) => {
    const req = request({
      host: "localhost",
      port,
      method: "POST",
      path: "/api/auth/sign-up/email",
      headers: {
        "content-type": "application/json",
        "content-length": body.length,
        origin: `http://localhost:${port}`,
      },
    });
    req.once("error", reject);
    req.flushHeaders();
    req.write(body.subarray(0, half), () =>
      resolve(
        () =>
          new Promise((answered, failed) => {
            req.once("error", failed);
            req.once("response", (response) => {
              response.resume();
              answered(response.statusCode ?? 0);
            });
            req.end(body.subarray(half));
          }),
      ),
    );
  });
}

/**
 * The live updates that an open /tasks page holds (GET /api/tasks/events),
 * for a new person. Resolves once the stream is open; `end` then tells how
 * it ended: "ended" when the server closed it.
 */
async function openLiveUpdates(): Promise<{ end: Promise<string> }> {
  const origin = `http://localhost:${port}`;
  const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name: "Stop Test", ...newPerson() }),
  });
  const cookie = signUp.headers
    .getSetCookie()
    .map((each) => each.split(";")[0])
    .join("; ");
  const answer: unknown = await (await fetch(`${origin}/api/auth/token`, { headers: { cookie } })).json();
  const token = typeof answer === "object" && answer !== null && "token" in answer ? String(answer.token) : "";
  const events = await fetch(`${origin}/api/tasks/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(events.status).toBe(200);
  const reader = events.body?.getReader();
  if (!reader) throw new Error("no event stream");
  await reader.read(); // ": connected"
  const readToEnd = async (): Promise<string> => {
    let chunk = await reader.read();
    while (!chunk.done) chunk = await reader.read();
    return "ended";
  };
  // In an object: an async function returning the promise itself would wait for it.
  return { end: readToEnd().catch(String) };
}

async function post(path: string, body: Record<string, string>): Promise<number> {
  const response = await fetch(`http://localhost:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

function refusesConnections(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "localhost");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 300_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

function canListen(onPort: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(onPort, () => probe.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Case {
  script: Script;
  how: Stop;
  /** WEB_CONCURRENCY (npm start only): 2 runs the cluster of scripts/cluster.ts. */
  workers: number;
}

const cases: Case[] = [
  { script: "start", how: "Ctrl-C", workers: 1 },
  { script: "start", how: "SIGTERM to npm", workers: 1 },
  { script: "start", how: "SIGTERM to the server", workers: 1 },
  { script: "start", how: "Ctrl-C", workers: 2 },
  { script: "start", how: "SIGTERM to the server", workers: 2 },
  { script: "dev", how: "Ctrl-C", workers: 1 },
  { script: "dev", how: "SIGTERM to npm", workers: 1 },
  { script: "dev", how: "SIGTERM to the server", workers: 1 },
];

/** What a stop must end, seen just before it. */
interface BeforeStop {
  /** npm and everything under it: Next, its workers, the cluster, PostgreSQL. */
  tree: SeenProcess[];
  sessionEnds: SessionEnds;
}

async function beforeStop(running: Running): Promise<BeforeStop> {
  // Closing the pool is only shown if the server holds connections when the stop comes.
  expect(await otherSessions(databaseUrl)).toBeGreaterThan(0);
  return { tree: processTree(running.npm.pid ?? 0), sessionEnds: await sessionEnds(databaseUrl) };
}

async function expectStoppedCleanly(running: Running, stoppedAt: number, before: BeforeStop): Promise<void> {
  const code = await running.exit;
  expect({ code, withinLimit: Date.now() - stoppedAt < STOP_WITHIN_MS }, running.output()).toEqual({
    code: 0,
    withinLimit: true,
  });
  // PostgreSQL removes its lock file when it shuts down cleanly.
  expect(existsSync(join(dataDir(), "postmaster.pid"))).toBe(false);
  // Processes in Next's group that it ended but did not wait for may take a moment longer.
  await until(() => leftOf(before.tree).length === 0, stoppedAt + STOP_WITHIN_MS - Date.now());
  expect(leftOf(before.tree)).toEqual([]);
  expect(await canListen(port)).toBe(true);
  // No server process still held a connection when the database shut down
  // (PostgreSQL counts those as killed), and each closed its connections
  // itself (one whose process exited without closing it counts as abandoned).
  expect(await afterRestart(sessionEnds)).toEqual(before.sessionEnds);
}

/** `read` on the local database, started for it alone. */
async function afterRestart<T>(read: (url: string) => Promise<T>): Promise<T> {
  const database = await startLocalPostgres({
    dataDir: dataDir(),
    database: "todo",
    port: databasePort,
    detached: true,
  });
  try {
    return await read(database.url);
  } finally {
    await database.stop();
  }
}

// Each case signs in as the person the previous one signed up: its stop kept the data.
let previous: Person | undefined;

describe.sequential("npm start and npm run dev stop cleanly", () => {
  it.each(cases)("npm $script with $workers server process(es), stopped by $how", async ({ script, how, workers }) => {
    const running = await launch(script, { WEB_CONCURRENCY: String(workers) });
    const npmPid = running.npm.pid ?? 0;
    // Also has next dev compile the auth route before the stop: a first
    // request still compiling when the stop's grace runs out is cut off.
    if (previous) expect(await post("/api/auth/sign-in/email", previous)).toBe(200);
    else expect(await post("/api/auth/sign-up/email", { name: "Stop Test", ...newPerson() })).toBe(200);
    if (workers > 1) expect(await until(() => serverPids(npmPid).length === workers, STOP_WITHIN_MS)).toBe(true);

    // Without an end, it would hold the stop up until the server is killed.
    const liveUpdates = await openLiveUpdates();
    const person = newPerson();
    const inFlight = await slowSignUp(person);

    const before = await beforeStop(running);
    const stoppedAt = Date.now();
    stop(running, how, workers);
    expect(await until(refusesConnections, STOP_WITHIN_MS)).toBe(true);
    expect(await inFlight().catch(String), running.output()).toBe(200);
    expect(await liveUpdates.end).toBe("ended");
    await expectStoppedCleanly(running, stoppedAt, before);
    previous = person;
  });

  it("and the last stop kept the data too, in a server that runs without SWC", async () => {
    const running = await launch("start");
    expect(previous && (await post("/api/auth/sign-in/email", previous))).toBe(200);
    // Only a TypeScript next.config makes next start load SWC (26 MB of RSS): see README, Benchmark.
    const maps = readProc(serverPid(running.npm.pid ?? 0), "maps");
    expect(maps).toContain("libc");
    expect(maps).not.toContain("next-swc");
    stop(running, "SIGTERM to npm", 1);
    expect(await running.exit).toBe(0);
  });
});

describe("npm start with WEB_CONCURRENCY=2", () => {
  it("serves from two processes on one port, replaces one that dies, and stops them all", async () => {
    const running = await launch("start", { WEB_CONCURRENCY: "2" });
    if (previous) expect(await post("/api/auth/sign-in/email", previous)).toBe(200);
    const npmPid = running.npm.pid ?? 0;
    expect(await until(() => serverPids(npmPid).length === 2, STOP_WITHIN_MS)).toBe(true);

    const [victim = 0, survivor = 0] = serverPids(npmPid);
    process.kill(victim, "SIGKILL");
    const replaced = `Server process ${victim} ended (SIGKILL); starting another in 1 s.`;
    expect(await until(() => running.output().includes(replaced), STOP_WITHIN_MS)).toBe(true);
    const person = newPerson();
    expect(await post("/api/auth/sign-up/email", { name: "Stop Test", ...person })).toBe(200);
    expect(await until(() => serverPids(npmPid).length === 2, 60_000)).toBe(true);
    const servers = serverPids(npmPid);
    expect(servers).toContain(survivor);
    expect(servers).not.toContain(victim);

    const inFlight = await slowSignUp(newPerson());
    // The killed process could not close its pool: count from here.
    const before = await beforeStop(running);
    const stoppedAt = Date.now();
    stop(running, "SIGTERM to npm", 2);
    expect(await until(refusesConnections, STOP_WITHIN_MS)).toBe(true);
    expect(await inFlight().catch(String), running.output()).toBe(200);
    await expectStoppedCleanly(running, stoppedAt, before);
    expect(running.output()).not.toContain("A server process ended before it served");
  });
});
