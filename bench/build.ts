// The one build every benchmark serves: made in .next-bench when the sources changed since the last one (the same
// stamp `npm start` uses), with a fixed deployment id and server-actions key, so one instance on SQLite, two on
// PostgreSQL and a signed-in editor's action posted to either all agree. The key is a local benchmark value kept in
// data/ (gitignored), never a production secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ensureBuild } from "../scripts/lib/prepare";

export const DIST = process.env.NEXT_DIST_DIR || ".next-bench";
const KEY_FILE = "data/bench-actions-key";

function actionsKey(): string {
  if (existsSync(KEY_FILE)) return readFileSync(KEY_FILE, "utf8").trim();
  mkdirSync("data", { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(KEY_FILE, key + "\n", { mode: 0o600 });
  return key;
}

/** The environment to serve the bench build with (building it first when needed; BENCH_BUILD=always|never). */
export async function benchBuild(log: (line: string) => void = console.log): Promise<NodeJS.ProcessEnv> {
  const mode = (process.env.BENCH_BUILD ?? "auto") as "auto" | "always" | "never";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST,
    DEPLOYMENT_ID: "breakingon-bench",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey(),
    // Read while building (security headers); each server is then given its own.
    SITE_URL: "http://127.0.0.1:4600",
  };
  delete env.REDIS_URL;
  delete env.DATABASE_URL;
  return ensureBuild(env, mode, log);
}

if (process.argv[1]?.endsWith("bench/build.ts")) {
  benchBuild().then(
    () => process.exit(0),
    (error) => {
      console.error(`bench build: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
