// The traffic of `npm run soak`: every connection sends a mix of what the UI
// sends (list, read, complete, create, delete) as fast as answers come.
// Creates and deletes balance, so the data stays the same size however long
// it runs: what grows is the server's own memory, if anything.
import { createHistogram, type RecordableHistogram } from "node:perf_hooks";
import type { Pool } from "undici";
import type { Request } from "./bench-load";
import { type BenchUser, createRequest, field, pick } from "./bench-workloads";

export type Operation = "list" | "get" | "complete" | "create" | "delete";

// Out of 100 requests.
const MIX: Array<[Operation, number]> = [
  ["list", 25],
  ["get", 25],
  ["complete", 20],
  ["create", 15],
  ["delete", 15],
];
const EXPECTED_STATUS: Record<Operation, number> = { list: 200, get: 200, complete: 200, create: 201, delete: 204 };

export interface Traffic {
  requests: number;
  /** Answers other than the expected 2xx, and requests that failed outright. */
  errors: number;
  /** The first few errors, for the report. */
  examples: string[];
  latency: Map<Operation, RecordableHistogram>;
}

export function newTraffic(): Traffic {
  return { requests: 0, errors: 0, examples: [], latency: new Map(MIX.map(([name]) => [name, createHistogram()])) };
}

function chooseOperation(): Operation {
  let roll = Math.random() * 100;
  for (const [operation, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return operation;
  }
  return "list";
}

/**
 * One connection's worth of traffic until `until()` says stop. Reads and
 * completes use the seeded tasks, which are never deleted; deletes take the
 * tasks this run created (oldest first), so no request races another.
 */
export async function sendTraffic(
  pool: Pool,
  users: BenchUser[],
  created: Map<BenchUser, string[]>,
  traffic: Traffic,
  until: () => boolean,
): Promise<void> {
  for (let serial = 0; !until(); serial++) {
    const user = pick(users);
    const mine = created.get(user) ?? [];
    created.set(user, mine);
    let operation = chooseOperation();
    const toDelete = operation === "delete" ? mine.shift() : undefined;
    if (operation === "delete" && toDelete === undefined) operation = "create";
    const request: Request = {
      list: () => ({ method: "GET", path: "/api/tasks", headers: user.auth }),
      get: () => ({ method: "GET", path: `/api/tasks/${pick(user.taskIds)}`, headers: user.auth }),
      complete: () => ({ method: "PATCH", path: `/api/tasks/${pick(user.taskIds)}/complete`, headers: user.auth }),
      create: () => createRequest(user, `Soak task ${serial}`),
      delete: () => ({ method: "DELETE", path: `/api/tasks/${toDelete}`, headers: user.auth }),
    }[operation]();

    const started = performance.now();
    let outcome: string | undefined;
    try {
      const { statusCode, body } = await pool.request(request);
      const text = await body.text();
      if (statusCode !== EXPECTED_STATUS[operation]) outcome = `${operation}: HTTP ${statusCode} ${text.slice(0, 200)}`;
      else if (operation === "create") {
        const id = field(field(JSON.parse(text), "data"), "id");
        if (typeof id === "string") mine.push(id);
      }
    } catch (error) {
      outcome = `${operation}: ${error instanceof Error ? error.message : String(error)}`;
    }
    traffic.latency.get(operation)?.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
    traffic.requests++;
    if (outcome !== undefined) {
      traffic.errors++;
      if (traffic.examples.length < 5) traffic.examples.push(outcome);
    }
  }
}
