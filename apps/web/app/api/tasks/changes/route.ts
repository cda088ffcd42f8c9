import { changesQuery } from "@/lib/sync-schemas";
import { parseQuery } from "@/server/http/parse-request";
import { okWithEtag, otherMethods } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { readFeedPage } from "@/server/sync/read-feed-page";

// GET /api/tasks/changes — what changed since a cursor (304 with If-None-Match while nothing did)
export const GET = withUser(async ({ userId, request }) =>
  okWithEtag(await readFeedPage(userId, parseQuery(changesQuery, request))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
