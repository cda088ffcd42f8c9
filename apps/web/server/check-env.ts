import "server-only";
import { getEnv } from "./env";

// Imported once at server start (instrumentation.ts): a missing or malformed
// setting stops the server with one line naming the variable, rather than
// failing on the first request.
try {
  getEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
