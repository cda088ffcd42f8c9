// Every error row of the contract, table-driven: exact status, detail and headers.
import { decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRequest, type CallOptions, call, createTaskFor, send } from "@/test/api";
import { BASE_URL, signUpUser, type TestUser } from "@/test/factories";

let user: TestUser;
let taskId: string;
let forgedToken: string;

beforeAll(async () => {
  user = await signUpUser();
  taskId = (await createTaskFor(user.token, { title: "Target" })).id;
  // Well-formed, right claims, but signed by a key this app never issued.
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const { kid } = decodeProtectedHeader(user.token);
  forgedToken = await new SignJWT({ sub: user.id })
    .setProtectedHeader({ alg: "EdDSA", kid })
    .setIssuer(BASE_URL)
    .setAudience(BASE_URL)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
});

const endpoints = (): Array<[string, Parameters<typeof call>[0], string, unknown]> => [
  ["list", "GET", "/api/tasks", undefined],
  ["create", "POST", "/api/tasks", { title: "x" }],
  ["get", "GET", `/api/tasks/${taskId}`, undefined],
  ["replace", "PUT", `/api/tasks/${taskId}`, { title: "x" }],
  ["update", "PATCH", `/api/tasks/${taskId}`, { title: "x" }],
  ["complete", "PATCH", `/api/tasks/${taskId}/complete`, undefined],
  ["delete", "DELETE", `/api/tasks/${taskId}`, undefined],
  ["move", "POST", `/api/tasks/${taskId}/move`, { after_id: null }],
  ["clear", "POST", "/api/tasks/clear", undefined],
];

describe("authentication failures", () => {
  const MISSING = { detail: "Missing authentication credentials" };
  const INVALID = { detail: "Invalid or expired token" };
  const cases: Array<[string, () => string | undefined, object, string]> = [
    ["no Authorization header", () => undefined, MISSING, "Bearer"],
    ["an empty header", () => "", MISSING, "Bearer"],
    ["another scheme", () => "Basic dXNlcjpwYXNz", MISSING, "Bearer"],
    ["Bearer without a token", () => "Bearer ", MISSING, "Bearer"],
    ["a malformed token", () => "Bearer not-a-jwt", INVALID, 'Bearer error="invalid_token"'],
    ["a token signed by a foreign key", () => `Bearer ${forgedToken}`, INVALID, 'Bearer error="invalid_token"'],
    [
      "a tampered token",
      () => {
        const [header, , signature] = user.token.split(".");
        return `Bearer ${header}.${btoa(JSON.stringify({ sub: "someone-else" })).replace(/=+$/, "")}.${signature}`;
      },
      INVALID,
      'Bearer error="invalid_token"',
    ],
    ["two tokens", () => `Bearer ${user.token} ${user.token}`, INVALID, 'Bearer error="invalid_token"'],
  ];

  for (const [name, header, body, challenge] of cases) {
    it(`answers 401 to ${name} on every endpoint, and changes nothing`, async () => {
      for (const [endpoint, method, path, payload] of endpoints()) {
        const authorization = header();
        const options: CallOptions = { body: payload };
        if (authorization !== undefined) options.headers = { authorization };
        const response = await call(method, path, options);
        expect({ endpoint, status: response.status, json: response.json }).toEqual({
          endpoint,
          status: 401,
          json: body,
        });
        expect(response.headers.get("www-authenticate")).toBe(challenge);
      }
      const task = await call("GET", `/api/tasks/${taskId}`, { token: user.token });
      expect(task.status).toBe(200);
    });
  }
});

describe("bodies the API cannot read", () => {
  it.each<[string, CallOptions, number, string]>([
    ["malformed JSON", { body: '{"title":' }, 400, "Malformed JSON body"],
    [
      "a non-JSON content type",
      { body: "title=x", headers: { "content-type": "text/plain" } },
      415,
      "Content-Type must be application/json",
    ],
    [
      "a form post",
      { body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "Content-Type must be application/json",
    ],
    ["a body over 16 KiB", { body: { title: "x", description: "y".repeat(17_000) } }, 413, "Request body too large"],
  ])("%s", async (_name, options, status, detail) => {
    const response = await call("POST", "/api/tasks", { token: user.token, ...options });
    expect({ status: response.status, json: response.json }).toEqual({ status, json: { detail } });
  });

  it("cuts off a streamed body over 16 KiB that has no Content-Length", async () => {
    const chunk = new TextEncoder().encode(`{"title":"x","description":"${"y".repeat(4_000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // Node needs duplex for a streamed body; the DOM's RequestInit type lacks it.
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body,
      duplex: "half",
    };
    const request = new Request(`${BASE_URL}/api/tasks`, init);
    const response = await send(request);
    expect({ status: response.status, json: response.json }).toEqual({
      status: 413,
      json: { detail: "Request body too large" },
    });
    expect(sent).toBeLessThan(10);
  });

  it.each([["[]"], ["null"], ['"text"'], ["5"]])("refuses %s as a body: it must be an object", async (body) => {
    const response = await call("POST", "/api/tasks", { token: user.token, body });
    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      detail: "Request body must be a JSON object",
      errors: [{ loc: ["body"], msg: "Request body must be a JSON object" }],
    });
  });
});

describe("validation (422)", () => {
  const title201 = "x".repeat(201);
  it.each<[string, Parameters<typeof call>[0], string, unknown, (string | number)[], string]>([
    ["no title", "POST", "", {}, ["body", "title"], "Title is required"],
    ["an empty title", "POST", "", { title: "" }, ["body", "title"], "Title is required"],
    ["a blank title", "POST", "", { title: " \t\n " }, ["body", "title"], "Title is required"],
    ["a title that is not a string", "POST", "", { title: 5 }, ["body", "title"], "Title must be a string"],
    [
      "a 201-character title",
      "POST",
      "",
      { title: title201 },
      ["body", "title"],
      "Title must be at most 200 characters",
    ],
    [
      "a 1001-character description",
      "POST",
      "",
      { title: "ok", description: "d".repeat(1001) },
      ["body", "description"],
      "Description must be at most 1000 characters",
    ],
    [
      "a numeric description",
      "POST",
      "",
      { title: "ok", description: 5 },
      ["body", "description"],
      "Description must be a string or null",
    ],
    // PostgreSQL refuses U+0000: it must be a 422, never a 500 from the database.
    ["a title with NUL", "POST", "", { title: "a\u0000b" }, ["body", "title"], "Title must not contain NUL characters"],
    [
      "a description with NUL",
      "PATCH",
      "/ID",
      { description: "\u0000" },
      ["body", "description"],
      "Description must not contain NUL characters",
    ],
    ["a lone surrogate", "PUT", "/ID", { title: "a\ud800" }, ["body", "title"], "Title must be valid Unicode text"],
    ["a null title on PATCH", "PATCH", "/ID", { title: null }, ["body", "title"], "Title must be a string"],
    [
      "completed as a string",
      "PATCH",
      "/ID",
      { completed: "yes" },
      ["body", "completed"],
      "Completed must be true or false",
    ],
    [
      "completed as a string on /complete",
      "PATCH",
      "/ID/complete",
      { completed: "yes" },
      ["body", "completed"],
      "Completed must be true or false",
    ],
  ])("refuses %s", async (_name, method, suffix, body, loc, msg) => {
    const response = await call(method, `/api/tasks${suffix.replace("ID", taskId)}`, { token: user.token, body });
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ detail: msg, errors: [expect.objectContaining({ loc, msg })] });
  });

  it("lists every problem, the first one as the detail", async () => {
    const response = await call("POST", "/api/tasks", { token: user.token, body: { title: "", description: 5 } });
    expect(response.json).toEqual({
      detail: "Title is required",
      errors: [
        { loc: ["body", "title"], msg: "Title is required" },
        { loc: ["body", "description"], msg: "Description must be a string or null" },
      ],
    });
  });

  it.each([
    ["status=done", "status", "Status must be one of all, pending, completed"],
    ["limit=0", "limit", "Limit must be a whole number from 1 to 100"],
    ["limit=101", "limit", "Limit must be a whole number from 1 to 100"],
    ["limit=abc", "limit", "Limit must be a whole number from 1 to 100"],
    ["limit=1.5", "limit", "Limit must be a whole number from 1 to 100"],
    ["limit=", "limit", "Limit must be a whole number from 1 to 100"],
    ["q=", "q", "Search text must be 1–200 characters"],
    [`q=${"q".repeat(201)}`, "q", "Search text must be 1–200 characters"],
    ["q=a%00b", "q", "Search text must not contain NUL characters"],
    ["cursor=garbage!", "cursor", "Cursor is not valid"],
    [`cursor=${btoa("123:not-a-uuid")}`, "cursor", "Cursor is not valid"],
  ])("refuses the query %s", async (query, field, msg) => {
    const response = await call("GET", `/api/tasks?${query}`, { token: user.token });
    expect({ status: response.status, json: response.json }).toEqual({
      status: 422,
      json: { detail: msg, errors: [{ loc: ["query", field], msg }] },
    });
  });
});

describe("paths and methods", () => {
  it.each([
    ["an id that is not a UUID", "GET", "/api/tasks/not-a-uuid"],
    ["an id that does not exist", "GET", "/api/tasks/0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f"],
    ["a missing id on /complete", "PATCH", "/api/tasks/0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f/complete"],
    ["a SQL-looking id", "DELETE", "/api/tasks/1'%20OR%20'1'='1"],
  ] as const)("answers 404 Task not found for %s", async (_name, method, path) => {
    const response = await call(method, path, { token: user.token });
    expect({ status: response.status, json: response.json }).toEqual({
      status: 404,
      json: { detail: "Task not found" },
    });
  });

  it.each([["/api/nope"], ["/api/tasks/x/y/z"]])("answers a JSON 404 for the unknown path %s", async (path) => {
    const response = await call("GET", path);
    expect({ status: response.status, json: response.json }).toEqual({ status: 404, json: { detail: "Not found" } });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it.each([
    ["DELETE", "/api/tasks", "GET, POST, OPTIONS"],
    ["PUT", "/api/tasks", "GET, POST, OPTIONS"],
    ["POST", "/api/tasks/ID", "GET, PUT, PATCH, DELETE, OPTIONS"],
    ["GET", "/api/tasks/ID/complete", "PATCH, OPTIONS"],
    ["PATCH", "/api/tasks/ID/move", "POST, OPTIONS"],
    ["GET", "/api/tasks/clear", "POST, OPTIONS"],
    ["DELETE", "/api/tasks/clear", "POST, OPTIONS"],
  ] as const)("answers 405 to %s %s with Allow", async (method, path, allow) => {
    const response = await call(method, path.replace("ID", taskId), { token: user.token });
    expect({ status: response.status, json: response.json }).toEqual({
      status: 405,
      json: { detail: "Method not allowed" },
    });
    expect(response.headers.get("allow")).toBe(allow);
  });
});

describe("headers on every answer", () => {
  it("sends no-store and a request id on successes and errors alike", async () => {
    for (const options of [{ token: user.token }, {}]) {
      const response = await call("GET", "/api/tasks", options);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("echoes a sane X-Request-Id and replaces anything else", async () => {
    const sane = await call("GET", "/api/tasks", { token: user.token, headers: { "x-request-id": "abc-123.X_y:z" } });
    expect(sane.headers.get("x-request-id")).toBe("abc-123.X_y:z");
    for (const bad of ["has space", "x".repeat(129), "<script>"]) {
      const response = await call("GET", "/api/tasks", { token: user.token, headers: { "x-request-id": bad } });
      expect(response.headers.get("x-request-id")).not.toBe(bad);
    }
  });
});

describe("CORS", () => {
  const LISTED = "http://localhost:3000";

  it("echoes a listed origin, on errors too", async () => {
    for (const token of [user.token, undefined]) {
      const response = await call(
        "GET",
        "/api/tasks",
        token ? { token, headers: { origin: LISTED } } : { headers: { origin: LISTED } },
      );
      expect(response.headers.get("access-control-allow-origin")).toBe(LISTED);
      expect(response.headers.get("vary")).toMatch(/Origin/);
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("gives an unlisted origin no CORS headers at all", async () => {
    const response = await call("GET", "/api/tasks", {
      token: user.token,
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });

  it("answers a preflight from a listed origin with 204 and the allowed methods and headers", async () => {
    const headers = { origin: LISTED, "access-control-request-method": "PATCH" };
    for (const path of ["/api/tasks", `/api/tasks/${taskId}`, `/api/tasks/${taskId}/complete`]) {
      const response = await send(buildRequest("OPTIONS", path, { headers }));
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(LISTED);
      expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST, PUT, PATCH, DELETE");
      expect(response.headers.get("access-control-allow-headers")).toBe(
        "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Last-Event-ID",
      );
    }
    const refused = await send(
      buildRequest("OPTIONS", "/api/tasks", { headers: { ...headers, origin: "https://evil.example" } }),
    );
    expect(refused.status).toBe(204);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});
