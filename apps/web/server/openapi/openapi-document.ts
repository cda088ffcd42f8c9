import "server-only";
import { z } from "zod";
import {
  completeTaskBody,
  createTaskBody,
  listTasksQuery,
  moveTaskBody,
  replaceTaskBody,
  task,
  updateTaskBody,
} from "@/lib/task-schemas";
import { MAX_BODY_BYTES } from "../http/read-body";

// The OpenAPI 3.1 document of the whole API, generated from the very schemas
// the route handlers validate with, so the two cannot drift apart.
type Json = z.core.JSONSchema.BaseSchema;

const input = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const output = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: "output", unrepresentable: "any" });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });

function withoutMeta(schema: Json): Json {
  const { $schema: _schema, ...rest } = schema;
  return rest;
}

const errors = {
  400: ["Malformed JSON body", "Error"],
  401: ["Missing authentication credentials, or an invalid or expired token", "Error"],
  404: ["Task not found (also another user's task, or an id that is not a UUID)", "Error"],
  413: [`Request body larger than ${MAX_BODY_BYTES / 1024} KiB`, "Error"],
  415: ["Content-Type must be application/json", "Error"],
  409: ["Task limit reached: the user already has MAX_TASKS_PER_USER tasks (default 10,000)", "Error"],
  422: ["The body or query failed validation", "ValidationError"],
  429: ["Too many requests from this user; retry after Retry-After seconds", "Error"],
  500: ["Unexpected error; the cause is logged with the request id", "Error"],
  503: ["Database unreachable; retry after Retry-After seconds", "Error"],
} as const;

type ErrorStatus = keyof typeof errors;

const retryAfter = { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } };
const rateLimitHeaders = {
  RateLimit: {
    description: 'What is left of the user\'s window: `"default";r=<remaining>;t=<seconds until reset>`',
    schema: { type: "string" },
  },
  "RateLimit-Policy": { description: 'The limit: `"default";q=600;w=60`', schema: { type: "string" } },
};

function errorResponses(...statuses: ErrorStatus[]) {
  const all: ErrorStatus[] = [401, ...statuses, 429, 500, 503];
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: errors[status][0],
        content: json(ref(errors[status][1])),
        ...(status === 429 ? { headers: { ...retryAfter, ...rateLimitHeaders } } : {}),
        ...(status === 503 ? { headers: retryAfter } : {}),
      },
    ]),
  );
}

const idParameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
  description: "The task's id",
};

function queryParameters() {
  const schema = input(listTasksQuery);
  const properties = schema.properties ?? {};
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

const taskResponse = (description: string) => ({
  description,
  content: json({ type: "object", properties: { data: ref("Task") }, required: ["data"] }),
});
const body = (name: string) => ({ required: true, content: json(ref(name)) });
const secured = { security: [{ bearerAuth: [] }] };
const open = { security: [] };
// The operations that take no input can meet no client error, but their
// callers still learn the shape every error of the API has.
const clientErrors = {
  "4XX": {
    description: "Any client error; the body is {detail}, as everywhere in this API",
    content: json(ref("Error")),
  },
};

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Todo API",
      version: "1.0.0",
      license: { name: "MIT", identifier: "MIT" },
      description:
        "Every /api/tasks request needs `Authorization: Bearer <JWT>`; sign in, then `GET /api/auth/token` returns one. Responses carry `Cache-Control: no-store` and `X-Request-Id`; every answer to a signed-in user also carries `RateLimit` and `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers): 600 requests per user per 60 s by default, then 429.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT (EdDSA, from /api/auth/token)" },
      },
      schemas: {
        Task: withoutMeta(output(task)),
        TaskPage: {
          type: "object",
          properties: { data: { type: "array", items: ref("Task") }, next_cursor: { type: ["string", "null"] } },
          required: ["data", "next_cursor"],
        },
        CreateTaskBody: withoutMeta(input(createTaskBody)),
        ReplaceTaskBody: withoutMeta(input(replaceTaskBody)),
        UpdateTaskBody: withoutMeta(input(updateTaskBody)),
        CompleteTaskBody: withoutMeta(input(completeTaskBody)),
        MoveTaskBody: withoutMeta(input(moveTaskBody)),
        Cleared: {
          type: "object",
          properties: {
            deleted: { type: "integer", minimum: 0, description: "How many completed tasks were deleted" },
          },
          required: ["deleted"],
        },
        Error: { type: "object", properties: { detail: { type: "string" } }, required: ["detail"] },
        ValidationError: {
          type: "object",
          properties: {
            detail: { type: "string", description: "The first problem" },
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: { loc: { type: "array", items: { type: ["string", "integer"] } }, msg: { type: "string" } },
                required: ["loc", "msg"],
              },
            },
          },
          required: ["detail", "errors"],
        },
        Health: {
          type: "object",
          properties: { status: { enum: ["healthy", "unhealthy"] }, database: { enum: ["ok", "unreachable"] } },
          required: ["status", "database"],
        },
      },
    },
    paths: {
      "/api/tasks": {
        get: {
          ...secured,
          operationId: "listTasks",
          summary: "List your tasks: newest first, or by due date, priority or your own order",
          parameters: queryParameters(),
          responses: { 200: { description: "One page", content: json(ref("TaskPage")) }, ...errorResponses(422) },
        },
        post: {
          ...secured,
          operationId: "createTask",
          summary: "Create a task",
          description:
            "Unknown fields, and id, user_id, completed and timestamps, are ignored: the owner is the token's user.",
          requestBody: body("CreateTaskBody"),
          responses: {
            201: { ...taskResponse("Created"), headers: { Location: { schema: { type: "string" } } } },
            ...errorResponses(400, 409, 413, 415, 422),
          },
        },
      },
      "/api/tasks/{id}": {
        parameters: [idParameter],
        get: {
          ...secured,
          operationId: "getTask",
          summary: "Get a task",
          responses: { 200: taskResponse("The task"), ...errorResponses(404) },
        },
        put: {
          ...secured,
          operationId: "replaceTask",
          summary: "Replace a task's title; description and completed change only when given",
          requestBody: body("ReplaceTaskBody"),
          responses: { 200: taskResponse("The updated task"), ...errorResponses(400, 404, 413, 415, 422) },
        },
        patch: {
          ...secured,
          operationId: "updateTask",
          summary: "Change any subset of title, description and completed ({} changes nothing)",
          requestBody: body("UpdateTaskBody"),
          responses: { 200: taskResponse("The task"), ...errorResponses(400, 404, 413, 415, 422) },
        },
        delete: {
          ...secured,
          operationId: "deleteTask",
          summary: "Delete a task",
          responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
        },
      },
      "/api/tasks/{id}/complete": {
        parameters: [idParameter],
        patch: {
          ...secured,
          operationId: "completeTask",
          summary: "Set completion with {completed}, or toggle it with no body or {}",
          requestBody: { required: false, content: json(ref("CompleteTaskBody")) },
          responses: { 200: taskResponse("The task"), ...errorResponses(400, 404, 413, 415, 422) },
        },
      },
      "/api/tasks/{id}/move": {
        parameters: [idParameter],
        post: {
          ...secured,
          operationId: "moveTask",
          summary: "Move a task in your manual order (sort=manual): right after after_id, or first",
          description:
            "Only the moved task is written: it gets a new position between its new neighbours'. An after_id that is not one of your tasks, or is the task itself, answers 422 at body.after_id.",
          requestBody: { required: false, content: json(ref("MoveTaskBody")) },
          responses: {
            200: taskResponse("The task with its new position"),
            ...errorResponses(400, 404, 413, 415, 422),
          },
        },
      },
      "/api/tasks/clear": {
        post: {
          ...secured,
          operationId: "clearCompleted",
          summary: "Delete all your completed tasks",
          responses: {
            200: { description: "How many were deleted", content: json(ref("Cleared")) },
            ...errorResponses(),
          },
        },
      },
      "/api/health": {
        get: {
          ...open,
          operationId: "health",
          summary: "Liveness and database reachability (also at /health); needs no token",
          responses: {
            200: { description: "Healthy", content: json(ref("Health")) },
            503: { description: "The database did not answer within 2 s", content: json(ref("Health")) },
            ...clientErrors,
          },
        },
      },
      "/api/ping": {
        get: {
          ...open,
          operationId: "ping",
          summary: "Liveness without the database; needs no token",
          responses: {
            200: { description: "Alive", content: json({ type: "object", properties: { status: { const: "ok" } } }) },
            ...clientErrors,
          },
        },
      },
      "/api/openapi.json": {
        get: {
          ...open,
          operationId: "openApi",
          summary: "This document",
          responses: { 200: { description: "OpenAPI 3.1 document" }, ...clientErrors },
        },
      },
    },
  };
}
