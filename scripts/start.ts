// `npm start`: from a fresh clone (after `npm install`) to a running site on the embedded database.
// Safe to run again: migrations are applied only when new, the seed runs only on an empty database.
import { build, checkDatabase, databaseTarget, generateClients, prepareDatabase, serve, sessionSecret } from "./lib/prepare";
import { parseEnv } from "../lib/env-schema";
import { exitWithError } from "./lib/run";

async function main() {
  const target = databaseTarget();
  const env = { ...process.env, DATABASE_URL: target.url, NEXTAUTH_SECRET: sessionSecret(target), NODE_ENV: "production" as const };
  const { PORT: port } = parseEnv(env);
  const host = process.env.HOST ?? "127.0.0.1";
  await checkDatabase(target);
  await generateClients(env);
  await prepareDatabase(env);
  if (!process.argv.includes("--no-build")) await build(env);
  console.log(`\nBreakingOn is starting on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (${target.engine}).`);
  await serve(env, host, port);
}

main().catch((error) => exitWithError("npm start", error));
