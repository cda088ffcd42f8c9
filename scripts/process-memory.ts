// Resident memory of the app's server processes, from Linux's /proc, for the
// load scripts' reports.
import { readFileSync, readlinkSync, realpathSync } from "node:fs";
import { readProcesses, subtree } from "./bench-cpu";

/** VmRSS from the text of /proc/<pid>/status, in bytes; undefined when absent. */
export function parseVmRss(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** A process's resident memory in bytes; undefined when it is gone or /proc is not there. */
export function rss(pid: number): number | undefined {
  try {
    return parseVmRss(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return undefined;
  }
}

export interface ServerMemory {
  /** RSS of each process that serves requests, in bytes. */
  servers: number[];
  /** RSS of the cluster's primary, which only hands connections on; 0 with one process. */
  launcher: number;
}

function runsNode(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === realpathSync(process.execPath);
  } catch {
    return false;
  }
}

/**
 * The memory of the server started as `pid`: with one process, that process;
 * with a cluster, its workers (the node processes under it: the primary's tsx
 * also runs an esbuild service), and the primary apart.
 */
export function serverMemory(pid: number, processes: number): ServerMemory {
  const resident = (pids: number[]) => pids.flatMap((each) => rss(each) ?? []);
  if (processes === 1) return { servers: resident([pid]), launcher: 0 };
  const workers = [...subtree(readProcesses(), pid)].filter((each) => each !== pid && runsNode(each));
  return { servers: resident(workers), launcher: rss(pid) ?? 0 };
}

export const megabytes = (bytes: number | undefined): string =>
  bytes === undefined ? "–" : `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** One line: each server process's RSS, their sum, and the cluster's primary apart. */
export function formatMemory({ servers, launcher }: ServerMemory): string {
  const each = servers.map((bytes) => megabytes(bytes)).join(" + ");
  const total = servers.length > 1 ? ` = ${megabytes(servers.reduce((sum, bytes) => sum + bytes, 0))}` : "";
  const primary = launcher > 0 ? `; the cluster's primary ${megabytes(launcher)}` : "";
  return `RSS after the load: server ${servers.length === 1 ? "process" : "processes"} ${each}${total}${primary}`;
}
