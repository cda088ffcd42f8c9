import { changesQuery } from "@/lib/sync-schemas";
import { parseQuery } from "@/server/http/parse-request";
import { otherMethods } from "@/server/http/responses";
import { withUser } from "@/server/http/with-user";
import { getChangeHub } from "@/server/sync/get-change-hub";
import { openEventStream } from "@/server/sync/open-event-stream";

// The stream ends itself after 50 s; this keeps Vercel from cutting it first.
export const maxDuration = 60;

// GET /api/tasks/events — live changes as server-sent events (resume with Last-Event-ID or ?since=)
export const GET = withUser(async ({ userId, request }) => {
  const lastEventId = request.headers.get("last-event-id");
  const url = new URL(request.url);
  if (lastEventId) url.searchParams.set("since", lastEventId);
  const { since } = parseQuery(changesQuery, new Request(url));
  return openEventStream(getChangeHub(), userId, since, request.signal);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
