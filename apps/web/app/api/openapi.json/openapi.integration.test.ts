import { describe, expect, it } from "vitest";
import { GET } from "./route";

async function fetchDocument() {
  const response = await GET(new Request("http://localhost:3000/api/openapi.json"), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return { response, document: await response.json() };
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

describe("GET /api/openapi.json", () => {
  it("describes every path and method of the contract", async () => {
    const { document } = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object)
        .filter((key) => key !== "parameters")
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "GET /api/tasks",
        "POST /api/tasks",
        "GET /api/tasks/{id}",
        "PUT /api/tasks/{id}",
        "PATCH /api/tasks/{id}",
        "DELETE /api/tasks/{id}",
        "PATCH /api/tasks/{id}/complete",
        "GET /api/tasks/changes",
        "GET /api/tasks/events",
        "POST /api/tasks/{id}/move",
        "POST /api/tasks/clear",
        "GET /api/health",
        "GET /api/ping",
        "GET /api/openapi.json",
      ].sort(),
    );
  });

  it("takes bodies and parameters from the API's own schemas", async () => {
    const { document } = await fetchDocument();
    const { schemas } = document.components;
    expect(schemas.CreateTaskBody.properties.title).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(schemas.CreateTaskBody.required).toEqual(["title"]);
    expect(schemas.Task.required).toEqual([
      "id",
      "user_id",
      "title",
      "description",
      "completed",
      "due_date",
      "priority",
      "position",
      "created_at",
      "updated_at",
      "version",
    ]);
    const parameters = document.paths["/api/tasks"].get.parameters;
    expect(parameters.map((parameter: { name: string }) => parameter.name)).toEqual([
      "status",
      "q",
      "limit",
      "cursor",
      "sort",
      "due",
      "tz",
      "If-None-Match",
    ]);
    expect(parameters[0].schema).toMatchObject({ enum: ["all", "pending", "completed"], default: "all" });
    expect(parameters[2].schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 50 });
    expect(parameters[4].schema).toMatchObject({ enum: ["created", "due", "priority", "manual"], default: "created" });
    expect(parameters[6].schema).toMatchObject({ type: "string", default: "UTC" });
    expect(schemas.Task.properties.due_date).toMatchObject({ anyOf: [{ format: "date" }, { type: "null" }] });
    expect(schemas.Task.properties.priority).toMatchObject({ enum: ["none", "low", "medium", "high"] });
    expect(schemas.CreateTaskBody.properties).toHaveProperty("due_date");
    expect(schemas.CreateTaskBody.properties).toHaveProperty("priority");
    expect(schemas.MoveTaskBody.properties.after_id).toMatchObject({ anyOf: [{ format: "uuid" }, { type: "null" }] });
  });

  it("documents ETags, If-Match, Idempotency-Key, the changes feed and the events stream", async () => {
    const { document } = await fetchDocument();
    const { paths } = document;
    const names = (operation: { parameters?: Array<{ name: string }> }) =>
      (operation.parameters ?? []).map((parameter) => parameter.name);
    expect(names(paths["/api/tasks"].post)).toEqual(["Idempotency-Key"]);
    expect(names(paths["/api/tasks/{id}/move"].post)).toEqual(["If-Match", "Idempotency-Key"]);
    expect(names(paths["/api/tasks/clear"].post)).toEqual(["Idempotency-Key"]);
    for (const operation of [
      paths["/api/tasks/{id}"].patch,
      paths["/api/tasks/{id}/complete"].patch,
      paths["/api/tasks/{id}/move"].post,
    ]) {
      expect(names(operation)).toContain("If-Match");
      expect(operation.responses[412].content["application/json"].schema).toEqual({
        $ref: "#/components/schemas/PreconditionFailed",
      });
      expect(Object.keys(operation.responses[200].headers)).toContain("ETag");
    }
    expect(names(paths["/api/tasks/changes"].get)).toEqual(["since", "limit", "If-None-Match"]);
    expect(Object.keys(paths["/api/tasks/changes"].get.responses)).toEqual(
      expect.arrayContaining(["200", "304", "410"]),
    );
    expect(Object.keys(paths["/api/tasks/events"].get.responses[200].content)).toEqual(["text/event-stream"]);
  });

  it("documents the error answers and resolves every reference", async () => {
    const { document } = await fetchDocument();
    const create = document.paths["/api/tasks"].post.responses;
    expect(Object.keys(create).sort()).toEqual(["201", "400", "401", "409", "413", "415", "422", "429", "500", "503"]);
    for (const ref of refsIn(document)) {
      const name = ref.replace("#/components/schemas/", "");
      expect(document.components.schemas, ref).toHaveProperty(name);
    }
  });
});
