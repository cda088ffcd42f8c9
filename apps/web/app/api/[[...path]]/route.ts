import { ApiError } from "@/server/http/api-error";
import { withRequest } from "@/server/http/with-request";

// Any other path under /api: a JSON 404, never Next's HTML page.
const notFound = withRequest(async () => {
  throw new ApiError(404, "Not found");
});

export {
  notFound as DELETE,
  notFound as GET,
  notFound as OPTIONS,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
