// What two cross-cutting pieces add to every GET /api/tasks/{id}: the ETag
// (with the wrapper's If-None-Match check) and the per-user rate-limit count
// (with its two headers). Timed in-process, each against the same loop
// without it, so `npm run bench` can show them as a share of GET one's
// measured server CPU per request (the goal: at most 5%).
import { performance } from "node:perf_hooks";
import { ifNoneMatchHits, taskEtag } from "../apps/web/server/http/conditional";
import { RateLimiter, rateLimitHeaders } from "../apps/web/server/limits/rate-limiter";

export interface Overhead {
  /** Microseconds per request. */
  etag: number;
  rateLimit: number;
}

const ITERATIONS = 200_000;
const USERS = Array.from({ length: 10 }, (_, index) => `user-${index}`);

function microsPerCall(work: (index: number) => void): number {
  for (let index = 0; index < ITERATIONS / 10; index++) work(index); // warm-up: let V8 optimise it
  const started = performance.now();
  for (let index = 0; index < ITERATIONS; index++) work(index);
  return ((performance.now() - started) * 1000) / ITERATIONS;
}

export function measureOverhead(): Overhead {
  const task = { version: 7 };
  const request = new Request("http://localhost/api/tasks/0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f");
  const bare = microsPerCall(() => new Headers({ "Content-Type": "application/json" }));
  const etag = microsPerCall(() => {
    const headers = new Headers({ "Content-Type": "application/json" });
    headers.set("ETag", taskEtag(task));
    const tag = headers.get("etag");
    if (tag && ifNoneMatchHits(request, tag)) throw new Error("unexpected match");
  });
  const limiter = new RateLimiter({ max: 1e9, windowSeconds: 60, sync: async (deltas) => deltas.map(() => 0) });
  const rateLimit = microsPerCall((index) => {
    const headers = new Headers({ "Content-Type": "application/json" });
    for (const [name, value] of Object.entries(rateLimitHeaders(limiter.consume(USERS[index % USERS.length] ?? ""))))
      headers.set(name, value);
  });
  return { etag: Math.max(0, etag - bare), rateLimit: Math.max(0, rateLimit - bare) };
}

/** The lines `npm run bench` prints; `cpuMicrosPerRequest`: GET one's measured server CPU per request. */
export function formatOverhead(overhead: Overhead, cpuMicrosPerRequest: number | undefined): string {
  const share = (micros: number) =>
    cpuMicrosPerRequest ? ` = ${((100 * micros) / cpuMicrosPerRequest).toFixed(2)}% of GET one's CPU per request` : "";
  return [
    "GET one's per-request overhead, timed in-process (goal: each ≤ 5%):",
    `  ETag + If-None-Match check: ${overhead.etag.toFixed(2)} µs${share(overhead.etag)}`,
    `  rate-limit count + headers: ${overhead.rateLimit.toFixed(2)} µs${share(overhead.rateLimit)}`,
  ].join("\n");
}
