// The processes under a process, from Linux's /proc, for the stop tests:
// what npm start started, and whether any of it outlived the stop.
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  /** Clock ticks after boot: with the pid, tells a process from a later one given the same pid. */
  startTime: number;
}

/** A process as seen once: enough to tell later whether that very process still runs. */
export interface SeenProcess extends ProcessEntry {
  command: string;
}

/** The text of /proc/<pid>/<file>, or "" once the process has ended. */
export function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

/** A process's command line, its arguments separated by spaces. */
export const commandOf = (pid: number): string => readProc(pid, "cmdline").replaceAll("\0", " ").trim();

function entryOf(pid: number): ProcessEntry | undefined {
  // "pid (comm) state ppid pgrp … starttime (field 22) …": comm may hold
  // spaces and parentheses, so split after its last ")".
  const stat = readProc(pid, "stat");
  const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  if (stat === "" || fields.length < 20) return undefined;
  return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), startTime: Number(fields[19]) };
}

export function processes(): ProcessEntry[] {
  return readdirSync("/proc").flatMap((name) => {
    const entry = /^\d+$/.test(name) ? entryOf(Number(name)) : undefined;
    return entry ? [entry] : [];
  });
}

/** The pids of every process below `ancestor` (children, their children, …). */
export function descendants(ancestor: number): number[] {
  const parents = new Map(processes().map((entry) => [entry.pid, entry.ppid]));
  const isBelow = (pid: number): boolean => {
    const parent = parents.get(pid);
    return parent === ancestor || (parent !== undefined && parent > 1 && isBelow(parent));
  };
  return [...parents.keys()].filter(isBelow);
}

/** `root` and every process below it, as they are now. */
export function processTree(root: number): SeenProcess[] {
  return [root, ...descendants(root)].flatMap((pid) => {
    const entry = entryOf(pid);
    return entry ? [{ ...entry, command: commandOf(pid) }] : [];
  });
}

/**
 * What is left of `tree`, as "pid command": its processes that still run,
 * and any process in one of their process groups (one started after the tree
 * was seen, say a worker that a server started while stopping).
 */
export function leftOf(tree: SeenProcess[]): string[] {
  const groups = new Set(tree.map((seen) => seen.pgid));
  const same = (entry: ProcessEntry) =>
    tree.some((seen) => seen.pid === entry.pid && seen.startTime === entry.startTime);
  return processes()
    .filter((entry) => groups.has(entry.pgid) || same(entry))
    .map((entry) => `${entry.pid} ${commandOf(entry.pid)}`);
}
