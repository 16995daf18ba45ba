// Prisma CLI configuration. The engine (and so the schema and migrations folder) follows DATABASE_URL, the same
// way lib/db.ts chooses the driver adapter at run time.
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/database-url";
import { searchExternalTables } from "./lib/search/database-objects";
import { enableWasmSchemaEngineIfNeeded } from "./prisma/engine/index.mjs";

// Prisma 7 no longer reads .env by itself; Next.js does, so the CLI should see the same file.
if (existsSync(".env")) process.loadEnvFile(".env");

// Offline, there is no native schema engine to download: use Prisma's WebAssembly build instead (prisma/engine/).
enableWasmSchemaEngineIfNeeded();

const target = resolveDatabaseUrl(process.env.DATABASE_URL);

export default defineConfig({
  schema: `prisma/${target.engine}/schema.prisma`,
  migrations: {
    path: `prisma/${target.engine}/migrations`,
    seed: "tsx prisma/seed.ts",
  },
  datasource: { url: target.url },
  // The search index is maintained by triggers, not Prisma models; migrate must leave it alone.
  experimental: { externalTables: true },
  tables: { external: searchExternalTables(target) },
});
