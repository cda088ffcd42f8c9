// Where each workload's server CPU per request goes, in µs (issue 13, goal 2):
// the framework's floor (an empty route of the same path shape, served by the
// same server), the token check, Prisma's query layer, the database driver
// (node-postgres), serialization (rows to the wire shape, then JSON), and the
// rest of our code (the request wrapper, parsing, rate limit, ETag). The
// floor is measured over HTTP like the workloads; the other parts in-process
// by bench-split-worker.ts, which calls the real handlers one at a time.
// "Ours" is everything but the floor and the driver.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { startCpuWatch } from "./bench-cpu";
import { closedPhase, type PhaseSettings } from "./bench-phases";
import type { Row } from "./bench-report";
import type { BenchUser } from "./bench-workloads";
import { root } from "./database";

export interface SplitInput {
  databaseUrl: string;
  origin: string;
  userId: string;
  token: string;
  taskId: string;
}

/** CPU µs per request of each part, measured in-process. */
export interface SplitParts {
  workload: string;
  /** Database statements per request. */
  statements: number;
  /** The route handler as a whole (without the framework). */
  handler: number;
  token: number;
  prisma: number;
  driver: number;
  serialization: number;
  rest: number;
}

export interface SplitMeasurement {
  parts: SplitParts[];
  /** How busy the rest of the machine was meanwhile, % of one core. */
  othersPercent: number | undefined;
}

/** Runs the worker on the bench's database, as one of its users; `appServers` idle meanwhile. */
export async function measureSplit(input: SplitInput, appServers: readonly number[]): Promise<SplitMeasurement> {
  const worker = execFile(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      join(root, "scripts/bench-split-worker.ts"),
      JSON.stringify(input),
    ],
    {
      cwd: root,
      maxBuffer: 1 << 20,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: input.databaseUrl,
        BETTER_AUTH_URL: input.origin,
        // Only reads the public keys; never signs or decrypts.
        BETTER_AUTH_SECRET: "bench-split-reads-public-keys-only-0123456789",
        API_RATE_LIMIT_MAX: "1000000000",
      },
    },
  );
  const stop = worker.pid === undefined ? undefined : startCpuWatch(worker.pid, appServers);
  const [stdout] = await Promise.all([
    new Promise<string>((resolve, reject) => {
      let output = "";
      let errors = "";
      worker.stdout?.on("data", (chunk: string) => {
        output += chunk;
      });
      worker.stderr?.on("data", (chunk: string) => {
        errors += chunk;
      });
      worker.on("error", reject);
      worker.on("exit", (code) =>
        code === 0
          ? resolve(output)
          : reject(
              new Error(`bench-split-worker exited with ${code}: ${errors.trim().split("\n").slice(-5).join("\n")}`),
            ),
      );
    }),
  ]);
  const cpu = stop?.();
  const parts: SplitParts[] = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]");
  return { parts, othersPercent: cpu === undefined ? undefined : cpu.others / 10 };
}

export interface HttpCpu {
  /** Server CPU µs per request of the workload over HTTP, and of its floor route. */
  total: number | undefined;
  floor: number | undefined;
  othersPercent: number | undefined;
}

/** The table `npm run bench` prints after the workloads. */
export function formatSplit(split: SplitMeasurement, http: Map<string, HttpCpu>): string {
  const header = [
    "workload",
    "stmts",
    "server",
    "floor",
    "token",
    "Prisma",
    "driver",
    "serial.",
    "rest",
    "ours",
    "others %",
  ];
  const µs = (value: number | undefined) => (value === undefined ? "" : value.toFixed(0));
  const rows = split.parts.map((part) => {
    const measured = http.get(part.workload);
    const ours = part.token + part.prisma + part.serialization + part.rest;
    const others = [measured?.othersPercent, split.othersPercent].map((value) =>
      value === undefined ? "?" : value.toFixed(0),
    );
    return [
      part.workload,
      String(part.statements),
      µs(measured?.total),
      µs(measured?.floor),
      µs(part.token),
      µs(part.prisma),
      µs(part.driver),
      µs(part.serialization),
      µs(part.rest),
      µs(ours),
      others.join(" / "),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [
    "Server CPU per request, µs: server and floor over HTTP (floor: an empty route of the same path shape);",
    "the parts in-process, one request at a time; ours = token + Prisma + serialization + rest.",
    "others %: the rest of the machine during the HTTP run / the in-process run.",
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
  ].join("\n");
}

/**
 * For `npm run bench`, after the workloads: measures the dynamic floor over
 * HTTP (a GET the catch-all /api route answers, at /api/…/{id}; the static
 * floor is the baseline, /api/ping), then the in-process parts as the first
 * bench user, and returns the table.
 */
export async function splitReport(
  settings: PhaseSettings,
  rows: Row[],
  app: { databaseUrl: string; origin: string },
  user: BenchUser,
): Promise<string> {
  const [taskId] = user.taskIds;
  const token = user.auth.authorization?.replace(/^Bearer /, "") ?? "";
  if (!taskId || !token) throw new Error("the split needs a user with a task and a token");
  const dynamicFloor = await closedPhase(settings, () => ({ method: "GET", path: `/api/split-floor/${taskId}` }));
  const perRequest = (cpu: number | undefined, rate: number) =>
    cpu === undefined || rate === 0 ? undefined : (cpu / rate) * 1000;
  const closedRow = (name: string) => rows.find((row) => row.workload === name && row.phase === "closed");
  const baseline = closedRow("baseline");
  const floors: Record<string, number | undefined> = {
    static: baseline ? perRequest(baseline.cpu?.server, baseline.measurement.rate) : undefined,
    dynamic: perRequest(dynamicFloor.cpu?.server, dynamicFloor.measurement.rate),
  };
  const shapes: Record<string, string> = {
    "GET one": "dynamic",
    "GET list": "static",
    "PATCH complete": "dynamic",
    POST: "static",
  };
  const http = new Map<string, HttpCpu>();
  for (const [name, shape] of Object.entries(shapes)) {
    const row = closedRow(name);
    http.set(name, {
      total: row ? perRequest(row.cpu?.server, row.measurement.rate) : undefined,
      floor: floors[shape],
      othersPercent: row?.cpu ? row.cpu.others / 10 : undefined,
    });
  }
  const split = await measureSplit(
    { databaseUrl: app.databaseUrl, origin: app.origin, userId: subjectOf(token), token, taskId },
    settings.appServers,
  );
  return formatSplit(split, http);
}

// The token's `sub`, read without verifying (the worker verifies it).
function subjectOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
  return typeof payload?.sub === "string" ? payload.sub : "";
}
