import "server-only";
import { z } from "zod";
import { changesPage, changesQuery } from "@/lib/sync-schemas";
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

const input = (schema: z.core.$ZodType): Json => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const output = (schema: z.core.$ZodType): Json => z.toJSONSchema(schema, { io: "output", unrepresentable: "any" });
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
  410: ["Sync cursor expired: a deletion after it is no longer kept (30 days); start again without since", "Error"],
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

function queryParameters(query: z.core.$ZodType = listTasksQuery) {
  const schema = input(query);
  const properties = schema.properties ?? {};
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

const etagHeader = (description: string) => ({ ETag: { description, schema: { type: "string" } } });
const taskResponse = (description: string) => ({
  description,
  headers: etagHeader('The task\'s version, quoted: `"3"`'),
  content: json({ type: "object", properties: { data: ref("Task") }, required: ["data"] }),
});
const header = (name: string, description: string) => ({
  name,
  in: "header",
  required: false,
  description,
  schema: { type: "string" },
});
const ifMatch = header(
  "If-Match",
  'Write only if the task\'s ETag is one of these (`"3"`, or `*` for any); otherwise 412 with the current task. A weak `W/"3"` never matches. Absent: unconditional.',
);
const ifNoneMatch = header("If-None-Match", "304 with no body when the answer's ETag is one of these");
const idempotencyKey = header(
  "Idempotency-Key",
  "1–255 printable ASCII characters, unique per intended action. A repeat with the same key gets the stored 2xx answer with `Idempotent-Replayed: true` (keys are kept at least 24 h); the same key with another body → 422; while the first is running → 409.",
);
const notModified = {
  304: { description: "Not modified: If-None-Match named the current ETag", headers: etagHeader("The current ETag") },
};
const preconditionFailed = {
  412: {
    description: "If-Match did not name the task's current ETag; nothing changed",
    headers: etagHeader("The current ETag"),
    content: json(ref("PreconditionFailed")),
  },
};
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
        ChangesPage: withoutMeta(output(changesPage)),
        PreconditionFailed: {
          type: "object",
          properties: { detail: { type: "string" }, data: ref("Task") },
          required: ["detail", "data"],
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
          parameters: [...queryParameters(), ifNoneMatch],
          responses: {
            200: {
              description: "One page",
              headers: etagHeader("A digest of the page"),
              content: json(ref("TaskPage")),
            },
            ...notModified,
            ...errorResponses(422),
          },
        },
        post: {
          ...secured,
          operationId: "createTask",
          summary: "Create a task",
          description:
            "Unknown fields, and id, user_id, completed and timestamps, are ignored: the owner is the token's user. Safe to retry with a key: `curl -H \"Authorization: Bearer $TOKEN\" -H 'Idempotency-Key: 5b1c…' -H 'Content-Type: application/json' -d '{\"title\":\"Buy milk\"}' $API/api/tasks`",
          parameters: [idempotencyKey],
          requestBody: body("CreateTaskBody"),
          responses: {
            201: {
              ...taskResponse("Created (or, with Idempotent-Replayed: true, the stored answer to the same key)"),
              headers: {
                ...taskResponse("").headers,
                Location: { schema: { type: "string" } },
                "Idempotent-Replayed": { description: "true on a replayed answer", schema: { type: "string" } },
              },
            },
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
          parameters: [ifNoneMatch],
          responses: { 200: taskResponse("The task"), ...notModified, ...errorResponses(404) },
        },
        put: {
          ...secured,
          operationId: "replaceTask",
          summary: "Replace a task's title; description and completed change only when given",
          parameters: [ifMatch],
          requestBody: body("ReplaceTaskBody"),
          responses: {
            200: taskResponse("The updated task"),
            ...preconditionFailed,
            ...errorResponses(400, 404, 413, 415, 422),
          },
        },
        patch: {
          ...secured,
          operationId: "updateTask",
          summary: "Change any subset of title, description and completed ({} changes nothing)",
          description:
            'Send the ETag you read to change only what you saw: `curl -X PATCH -H "Authorization: Bearer $TOKEN" -H \'If-Match: "3"\' -H \'Content-Type: application/json\' -d \'{"title":"Mine"}\' $API/api/tasks/$ID` → 412 with the current task if someone changed it since.',
          parameters: [ifMatch],
          requestBody: body("UpdateTaskBody"),
          responses: {
            200: taskResponse("The task"),
            ...preconditionFailed,
            ...errorResponses(400, 404, 413, 415, 422),
          },
        },
        delete: {
          ...secured,
          operationId: "deleteTask",
          summary: "Delete a task",
          parameters: [ifMatch],
          responses: { 204: { description: "Deleted" }, ...preconditionFailed, ...errorResponses(404) },
        },
      },
      "/api/tasks/{id}/complete": {
        parameters: [idParameter],
        patch: {
          ...secured,
          operationId: "completeTask",
          summary: "Set completion with {completed}, or toggle it with no body or {}",
          parameters: [ifMatch],
          requestBody: { required: false, content: json(ref("CompleteTaskBody")) },
          responses: {
            200: taskResponse("The task"),
            ...preconditionFailed,
            ...errorResponses(400, 404, 413, 415, 422),
          },
        },
      },
      "/api/tasks/changes": {
        get: {
          ...secured,
          operationId: "listChanges",
          summary: "What changed since a cursor: whole tasks and {id, deleted: true}",
          description:
            'Apply every page until has_more is false, then poll with next_since (and If-None-Match: an unchanged feed answers 304). No change is ever skipped, even when writes commit out of order. Without since: every live task. `curl -H "Authorization: Bearer $TOKEN" "$API/api/tasks/changes?since=$NEXT_SINCE"`',
          parameters: [...queryParameters(changesQuery), ifNoneMatch],
          responses: {
            200: {
              description: "Changes after the cursor, in commit order",
              headers: etagHeader("A digest of the page"),
              content: json(ref("ChangesPage")),
            },
            ...notModified,
            ...errorResponses(410, 422),
          },
        },
      },
      "/api/tasks/events": {
        get: {
          ...secured,
          operationId: "streamChanges",
          summary: "Live changes as server-sent events",
          description:
            '`text/event-stream`: `event: changes`, `id: <cursor>`, `data: {"data": [change…]}`. A comment at least every 15 s; the server ends the stream after at most 60 s and the client reconnects with `Last-Event-ID` (or `?since=`), missing nothing. A cursor too old gets `event: expired` and the end. `curl -N -H "Authorization: Bearer $TOKEN" -H "Last-Event-ID: $CURSOR" $API/api/tasks/events`',
          parameters: [
            ...queryParameters(changesQuery).filter((parameter) => parameter.name === "since"),
            header("Last-Event-ID", "The id of the last event received; takes the place of since"),
          ],
          responses: {
            200: { description: "The stream", content: { "text/event-stream": { schema: { type: "string" } } } },
            ...errorResponses(422),
          },
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
          parameters: [ifMatch, idempotencyKey],
          requestBody: { required: false, content: json(ref("MoveTaskBody")) },
          responses: {
            200: taskResponse("The task with its new position"),
            ...preconditionFailed,
            ...errorResponses(400, 404, 409, 413, 415, 422),
          },
        },
      },
      "/api/tasks/clear": {
        post: {
          ...secured,
          operationId: "clearCompleted",
          summary: "Delete all your completed tasks",
          parameters: [idempotencyKey],
          responses: {
            200: { description: "How many were deleted", content: json(ref("Cleared")) },
            ...errorResponses(400, 409, 413, 422),
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
