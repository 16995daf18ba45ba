// Playwright's web server: a production build on a fresh embedded database (migrated and seeded), on loopback.
import { existsSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { addE2eFixtures } from "./e2e-fixtures";
import { build, generateClients, prepareDatabase, serve } from "./lib/prepare";
import { exitWithError } from "./lib/run";
import { E2E_OPS_TOKEN } from "../e2e/support/ops";

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  // One database per port, so parallel e2e runs (each with its own NEXT_DIST_DIR) do not share state.
  const E2E_DATABASE = port === 3100 ? "data/e2e.db" : `data/e2e-${port}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${E2E_DATABASE}${suffix}`, { force: true });
  const storageDir = `data/e2e-storage-${port}`;
  rmSync(storageDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: `file:./${E2E_DATABASE}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SITE_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    STORAGE_DIR: storageDir,
    // Wake often so the scheduled-publishing spec does not wait long for schedules it writes to the database.
    SCHEDULER_POLL_MS: "1000",
    // Unlocks /api/metrics and /api/ready's detail for e2e/operations.spec.ts.
    OPS_TOKEN: E2E_OPS_TOKEN,
    // The distribution spec's webhook receiver listens on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE: "1",
  };
  // `npm install` generated the clients; regenerating here would race other e2e servers starting beside this one.
  if (!existsSync("lib/generated/sqlite/client.ts") || !existsSync("lib/generated/postgresql/client.ts")) await generateClients(env);
  await prepareDatabase(env);
  await addE2eFixtures(env.DATABASE_URL);
  if (process.env.E2E_SKIP_BUILD !== "1") await build(env);
  // `--build-only`: npm test builds once, then runs its Playwright lanes (one server and database each) on that build.
  if (process.argv.includes("--build-only")) return;
  await serve(env, "127.0.0.1", port);
}

main().catch((error) => exitWithError("e2e server", error));
