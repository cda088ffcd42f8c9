// Calls the app's real route handlers with real Requests, routing paths the
// way Next does for the API's routes.

import { z } from "zod";
import * as unknownRoute from "@/app/api/[...path]/route";
import * as completeRoute from "@/app/api/tasks/[id]/complete/route";
import * as moveRoute from "@/app/api/tasks/[id]/move/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import * as clearRoute from "@/app/api/tasks/clear/route";
import * as tasksRoute from "@/app/api/tasks/route";
import type { TaskPriority } from "@/lib/task-planning";
import { type Task, task } from "@/lib/task-schemas";
import { BASE_URL } from "./factories";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
const isMethod = (method: string): method is Method => METHODS.some((known) => known === method);
type Dispatch = (method: Method, request: Request, id: string) => Promise<Response>;

// biome-ignore-start lint/performance/noDynamicNamespaceImportAccess: a test router; nothing is bundled
const routes: Array<[RegExp, Dispatch]> = [
  [/^\/api\/tasks$/, (method, request) => tasksRoute[method](request, { params: Promise.resolve({}) })],
  // A static segment wins over [id], as in Next's router.
  [/^\/api\/tasks\/clear$/, (method, request) => clearRoute[method](request, { params: Promise.resolve({}) })],
  [/^\/api\/tasks\/([^/]+)$/, (method, request, id) => taskRoute[method](request, { params: Promise.resolve({ id }) })],
  [
    /^\/api\/tasks\/([^/]+)\/complete$/,
    (method, request, id) => completeRoute[method](request, { params: Promise.resolve({ id }) }),
  ],
  [
    /^\/api\/tasks\/([^/]+)\/move$/,
    (method, request, id) => moveRoute[method](request, { params: Promise.resolve({ id }) }),
  ],
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

export async function send(request: Request): Promise<ApiResponse> {
  const { pathname } = new URL(request.url);
  const method = request.method;
  if (!isMethod(method)) throw new Error(`no handler for ${method}`);
  const route = routes.find(([pattern]) => pattern.test(pathname));
  const id = decodeURIComponent(route?.[0].exec(pathname)?.[1] ?? "");
  // Every method of the catch-all answers 404.
  const response = route
    ? await route[1](method, request, id)
    : await unknownRoute.GET(request, { params: Promise.resolve({}) });
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
