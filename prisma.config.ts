import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate). Migrations run through the WASM schema engine
// (src/db/migrations.ts) because the native engine cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/usage_gateway" },
});
