import "server-only";
import type * as z from "zod/mini";
import { ApiError, RequestValidationError } from "./api-error";
import { MAX_BODY_BYTES, readAtMost } from "./read-body";

/** Reads, limits and validates a JSON body. An empty body counts as `{}`. */
export async function parseBody<Schema extends z.ZodMiniType>(
  schema: Schema,
  request: Request,
): Promise<z.output<Schema>> {
  const text = await readLimitedText(request);
  let body: unknown = {};
  if (text.trim() !== "") {
    assertJsonContentType(request);
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, "Malformed JSON body");
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new RequestValidationError([{ loc: ["body"], msg: "Request body must be a JSON object" }]);
  }
  return validate(schema, body, "body");
}

/** Validates the query string; repeated parameters keep their first value. */
export function parseQuery<Schema extends z.ZodMiniType>(schema: Schema, request: Request): z.output<Schema> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) query[key] ??= value;
  return validate(schema, query, "query");
}

function validate<Schema extends z.ZodMiniType>(schema: Schema, input: unknown, source: "body" | "query") {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new RequestValidationError(
      result.error.issues.map((issue) => ({
        loc: [source, ...issue.path.filter((part) => typeof part !== "symbol")],
        msg: issue.message,
      })),
    );
  }
  return result.data;
}

function assertJsonContentType(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "Content-Type must be application/json");
}

async function readLimitedText(request: Request): Promise<string> {
  return new TextDecoder("utf-8", { fatal: false }).decode(await readLimitedBytes(request));
}

/** The body's bytes, at most MAX_BODY_BYTES (413 beyond). */
export async function readLimitedBytes(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readAtMost(request, MAX_BODY_BYTES);
  if (!bytes) throw new ApiError(413, "Request body too large");
  return bytes;
}
