// Where the CPU went during a measurement, from Linux's /proc: the app server
// measured, PostgreSQL (every other process this benchmark started, but the
// app servers), the load generator, and everything else on the machine (an
// app server that idles meanwhile included). CPU per request is far steadier than
// req/s when others share the machine, and "others" says how much they did.
import { readdirSync, readFileSync } from "node:fs";

interface Sample {
  /** Busy time of the whole machine, in clock ticks. */
  machine: number;
  /** Clock ticks used so far by each process of the benchmark. */
  server: Map<number, number>;
  database: Map<number, number>;
  self: number;
}

export interface CpuUse {
  /** CPU milliseconds per second of wall time, by consumer. */
  server: number;
  database: number;
  loadGenerator: number;
  others: number;
}

// USER_HZ: 100 on every mainstream Linux build.
const TICKS_PER_SECOND = 100;

function readStat(pid: string): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: read after its end.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // gone between listing and reading
  }
}

function machineBusyTicks(): number {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return user + nice + system + irq + softirq + steal;
}

/** Every process on the machine, by pid: its parent and the CPU it has used. */
export function readProcesses(): Map<number, { ppid: number; ticks: number }> {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat) stats.set(Number(entry), stat);
  }
  return stats;
}

/** A process and all its descendants. */
export function subtree(stats: Map<number, { ppid: number }>, root: number): Set<number> {
  const pids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { ppid }] of stats) {
      if (pids.has(ppid) && !pids.has(pid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return pids;
}

type Stats = Map<number, { ppid: number }>;

/**
 * The processes of the measured server (`server`, with its descendants), and
 * the database's: every other process under the benchmark (`self`), but the
 * benchmark itself and every app server's subtree (`appServers`), which are
 * not the database even while they idle.
 */
export function partition(
  stats: Stats,
  self: number,
  server: number,
  appServers: readonly number[],
): { server: Set<number>; database: Set<number> } {
  const servers = new Set([server, ...appServers].flatMap((pid) => [...subtree(stats, pid)]));
  const database = [...subtree(stats, self)].filter((pid) => pid !== self && !servers.has(pid));
  return { server: subtree(stats, server), database: new Set(database) };
}

function sample(serverPid: number, appServers: readonly number[]): Sample {
  const stats = readProcesses();
  const ticksOf = (pids: Iterable<number>) => new Map([...pids].map((pid) => [pid, stats.get(pid)?.ticks ?? 0]));
  const { server, database } = partition(stats, process.pid, serverPid, appServers);
  return {
    machine: machineBusyTicks(),
    server: ticksOf(server),
    database: ticksOf(database),
    self: stats.get(process.pid)?.ticks ?? 0,
  };
}

// What the processes alive at the end used since the start (a process that
// started in between counts whole; one that ended is left out, e.g. a
// PostgreSQL backend whose pooled connection was closed).
function used(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ticks] of after) sum += Math.max(0, ticks - (before.get(pid) ?? 0));
  return sum;
}

/**
 * Starts counting the CPU of the server started as `serverPid`, with every
 * app server alive (`appServers`) kept out of the database's share; the
 * returned function stops and reports. Undefined where /proc is not available.
 */
export function startCpuWatch(serverPid: number, appServers: readonly number[]): (() => CpuUse) | undefined {
  let before: Sample;
  try {
    before = sample(serverPid, appServers);
  } catch {
    return undefined;
  }
  const startedAt = performance.now();
  return () => {
    const after = sample(serverPid, appServers);
    const seconds = (performance.now() - startedAt) / 1000;
    const perSecond = (ticks: number) => (ticks / TICKS_PER_SECOND / seconds) * 1000;
    const server = perSecond(used(before.server, after.server));
    const database = perSecond(used(before.database, after.database));
    const loadGenerator = perSecond(after.self - before.self);
    const machine = perSecond(after.machine - before.machine);
    return { server, database, loadGenerator, others: Math.max(0, machine - server - database - loadGenerator) };
  };
}
