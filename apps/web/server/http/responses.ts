import "server-only";
import type { Task } from "@/lib/task-schemas";
import { ApiError } from "./api-error";
import { bodyEtag, taskEtag } from "./conditional";
import { preflightHeaders } from "./cors";
import { withRequest } from "./with-request";

// The same answer as Response.json, made the way that costs Node's fetch
// about 10 µs less per request (Response.json takes a slower path to its body).
function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonText(JSON.stringify(data), status, headers);
}

const jsonText = (body: string, status: number, headers: Record<string, string>) =>
  new Response(body, { status, headers: { "Content-Type": "application/json", ...headers } });

export const ok = (data: unknown) => json(data);

/** One task, with its ETag (the version). */
export const taskAnswer = (task: Task) => json({ data: task }, 200, { ETag: taskEtag(task) });

/** A newly created task: 201, its Location and its ETag. */
export const taskCreated = (task: Task) =>
  json({ data: task }, 201, { Location: `/api/tasks/${task.id}`, ETag: taskEtag(task) });

/** A JSON answer whose ETag is a digest of its body (list and feed pages). */
export function okWithEtag(data: unknown): Response {
  const body = JSON.stringify(data);
  return jsonText(body, 200, { ETag: bodyEtag(body) });
}

export const noContent = () => new Response(null, { status: 204 });

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Handlers for the methods a path does not support (405 with `Allow`) and for
 * OPTIONS (CORS preflight). Without them Next would answer 405 with no body.
 */
export function otherMethods(supported: readonly Method[]) {
  const allow = [...supported, "OPTIONS"].join(", ");
  const notAllowed = withRequest(async () => {
    throw new ApiError(405, "Method not allowed", { Allow: allow });
  });
  return {
    GET: notAllowed,
    POST: notAllowed,
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
    OPTIONS: withRequest(
      async ({ request }) => new Response(null, { status: 204, headers: preflightHeaders(request, allow) }),
    ),
  };
}
