// Calls the app's real route handlers with real Requests, routing paths the
// way Next does for the API's routes.

import { z } from "zod";
import * as unknownRoute from "@/app/api/[[...path]]/route";
import * as healthRoute from "@/app/api/health/route";
import * as openapiRoute from "@/app/api/openapi.json/route";
import * as pingRoute from "@/app/api/ping/route";
import * as completeRoute from "@/app/api/tasks/[id]/complete/route";
import * as moveRoute from "@/app/api/tasks/[id]/move/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import * as changesRoute from "@/app/api/tasks/changes/route";
import * as clearRoute from "@/app/api/tasks/clear/route";
import * as eventsRoute from "@/app/api/tasks/events/route";
import * as tasksRoute from "@/app/api/tasks/route";
import type { TaskPriority } from "@/lib/task-planning";
import { type Task, task } from "@/lib/task-schemas";
import { BASE_URL } from "./factories";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
const isMethod = (method: string): method is Method => METHODS.some((known) => known === method);
type Dispatch = (method: Method, request: Request, id: string) => Promise<Response>;

const noParams = { params: Promise.resolve({}) };
// biome-ignore-start lint/performance/noDynamicNamespaceImportAccess: a test router; nothing is bundled
const routes: Array<[RegExp, Dispatch]> = [
  [/^\/api\/tasks$/, (method, request) => tasksRoute[method](request, noParams)],
  // A static segment wins over [id], as in Next's router.
  [/^\/api\/tasks\/clear$/, (method, request) => clearRoute[method](request, noParams)],
  [/^\/api\/tasks\/changes$/, (method, request) => changesRoute[method](request, noParams)],
  [/^\/api\/tasks\/events$/, (method, request) => eventsRoute[method](request, noParams)],
  [/^\/api\/tasks\/([^/]+)$/, (method, request, id) => taskRoute[method](request, { params: Promise.resolve({ id }) })],
  [
    /^\/api\/tasks\/([^/]+)\/complete$/,
    (method, request, id) => completeRoute[method](request, { params: Promise.resolve({ id }) }),
  ],
  [
    /^\/api\/tasks\/([^/]+)\/move$/,
    (method, request, id) => moveRoute[method](request, { params: Promise.resolve({ id }) }),
  ],
  // next.config.mjs rewrites /health to /api/health.
  [/^(\/api)?\/health$/, (method, request) => healthRoute[method](request, noParams)],
  [/^\/api\/ping$/, (method, request) => pingRoute[method](request, noParams)],
  [/^\/api\/openapi\.json$/, (method, request) => openapiRoute[method](request, noParams)],
  // Any other path under /api: the catch-all.
  [/^\/api\/./, (method, request) => unknownRoute[method](request, noParams)],
];
// biome-ignore-end lint/performance/noDynamicNamespaceImportAccess: a test router; nothing is bundled

export interface CallOptions {
  token?: string;
  /** A value to send as JSON, or a string sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when there is none). */
  json: unknown;
}

export function buildRequest(method: Method, path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`${BASE_URL}${path}`, { method, headers, body });
}

export async function call(method: Method, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  return send(buildRequest(method, path, options));
}

/** The route handler's answer to `request`, its body unread (an event stream would never end). */
export function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const method = request.method;
  if (!isMethod(method)) throw new Error(`no handler for ${method}`);
  const route = routes.find(([pattern]) => pattern.test(pathname));
  // Next itself answers the rest (its HTML 404 page, or the proxy's answer to an undecodable path).
  if (!route) throw new Error(`no route for ${pathname}`);
  const id = decodeURIComponent(route[0].exec(pathname)?.[1] ?? "");
  return route[1](method, request, id);
}

export async function send(request: Request): Promise<ApiResponse> {
  const response = await dispatch(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** Creates a task through the API and returns it as the API answered. */
export async function createTaskFor(
  token: string,
  body: { title: string; description?: string | null; due_date?: string | null; priority?: TaskPriority },
): Promise<Task> {
  const response = await call("POST", "/api/tasks", { token, body });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return dataOf(response);
}

/** The task in a successful answer's `data`. */
export function dataOf(response: ApiResponse): Task {
  // Parsing with the API's own response schema also checks the wire format.
  return z.object({ data: task }).parse(response.json).data;
}
