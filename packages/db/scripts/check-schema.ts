// npm run db:check — do prisma/migrations build exactly what prisma/schema.prisma
// declares? Applies them to a throw-away database and asks Prisma's schema
// engine; on a difference, prints the SQL a new migration needs and fails.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findSchemaDrift } from "../src/schema-drift.ts";
import { startTestCluster } from "../src/test-cluster.ts";

const prisma = join(dirname(fileURLToPath(import.meta.url)), "../../../prisma");
const cluster = await startTestCluster("drift");
try {
  const drift = await findSchemaDrift({
    databaseUrl: cluster.postgres.url,
    migrationsDir: join(prisma, "migrations"),
    schemaPath: join(prisma, "schema.prisma"),
  });
  if (drift === null) {
    console.log("prisma/migrations match prisma/schema.prisma");
  } else {
    console.error("prisma/migrations differ from prisma/schema.prisma. A new migration needs (review before use):\n");
    console.log(drift);
    process.exitCode = 1;
  }
} finally {
  await cluster.dispose();
}
