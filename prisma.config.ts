import { defineConfig } from "prisma/config";

// The Prisma CLI's own configuration (generate, migrate deploy, studio).
// Migrations want a direct connection: Neon's unpooled URL when it is set.
// Prisma's env() throws when a variable is unset, even for `generate`, which
// needs no database: hence plain process.env with a fallback.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL_UNPOOLED ?? process.env.DATABASE_URL ?? "",
  },
});
