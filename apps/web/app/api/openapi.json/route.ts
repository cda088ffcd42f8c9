import { getEnv } from "@/server/env";
import { otherMethods } from "@/server/http/responses";
import { withRequest } from "@/server/http/with-request";
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";

// GET /api/openapi.json — the OpenAPI 3.1 document of the API
export const GET = withRequest(async () => Response.json(buildOpenApiDocument(getEnv().BETTER_AUTH_URL)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
