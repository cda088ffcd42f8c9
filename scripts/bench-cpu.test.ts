import { describe, expect, it } from "vitest";
import { partition } from "./bench-cpu";

// The benchmark (1) with PostgreSQL (10, and its backends 11, 12), a
// one-process server (20), and a cluster's primary (30) with its workers (31,
// 32); 99 is another user's process.
const stats = new Map(
  [
    [1, 0],
    [10, 1],
    [11, 10],
    [12, 10],
    [20, 1],
    [30, 1],
    [31, 30],
    [32, 30],
    [99, 0],
  ].map(([pid = 0, ppid = 0]) => [pid, { ppid }]),
);
const sorted = (pids: Set<number>) => [...pids].sort((a, b) => a - b);

describe("partition", () => {
  it("counts the measured server's subtree as the server and neither app server as the database", () => {
    const measuringCluster = partition(stats, 1, 30, [20, 30]);
    expect(sorted(measuringCluster.server)).toEqual([30, 31, 32]);
    expect(sorted(measuringCluster.database)).toEqual([10, 11, 12]);
    const measuringSingle = partition(stats, 1, 20, [20, 30]);
    expect(sorted(measuringSingle.server)).toEqual([20]);
    expect(sorted(measuringSingle.database)).toEqual([10, 11, 12]);
  });

  it("counts every other process under the benchmark as the database, and nothing outside it", () => {
    const { database } = partition(stats, 1, 20, []);
    expect(sorted(database)).toEqual([10, 11, 12, 30, 31, 32]);
  });
});
