// `npm start`: from a fresh clone (after `npm install`) to a running site on the embedded database.
// Safe to run again: migrations are applied only when new, the seed runs only on an empty database, and the site is
// built again only when its sources or build-time settings changed.
//
//   npm start                       prepare the database, build if needed, serve
//   npm start -- --build            build even if nothing changed
//   npm start -- --no-build         never build: serve the existing build (fails if there is none)
//   npm start -- --build-only       build if needed (or --build: always), then exit; needs no database
//   npm start -- --prepare-only     migrate and seed (under a lock), then exit
//
// Upgrading: stop, pull, npm install, npm start. Pending migrations are printed with the release's version, applied
// once under a lock, and preceded by a backup of a database that holds anything (README, "Upgrades").
//
// Several instances: build once (--build-only), run the release step once (--prepare-only), then start each
// instance with --no-build (README, "Running several instances").
import { existsSync } from "node:fs";
import {
  checkDatabase,
  checkExistingBuild,
  databaseTarget,
  distDirOf,
  ensureBuild,
  generateClients,
  prepareDatabase,
  releaseVersion,
  serve,
  serverActionsKey,
  sessionSecret,
} from "./lib/prepare";
import { planFromArgs } from "./lib/start-options";
import { displayHost, startLine, waitUntilAnswering } from "./lib/start-line";
import { parseEnv } from "../lib/env-schema";
import { exitWithError } from "./lib/run";

async function main() {
  const plan = planFromArgs(process.argv.slice(2));
  // The same configuration Next.js and the Prisma CLI read.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const target = databaseTarget();
  const base = { ...process.env, DATABASE_URL: target.url, NODE_ENV: "production" as const };

  if (!plan.serve) {
    if (plan.prepare) {
      await checkDatabase(target);
      await generateClients(base);
      await prepareDatabase(base);
      console.log(`The ${target.engine} database is migrated and seeded.`);
    }
    if (plan.build) {
      const env = { ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: serverActionsKey(target) };
      parseEnv({ ...env, NEXT_PHASE: "phase-production-build" });
      await generateClients(env);
      const built = await ensureBuild(env, plan.mode);
      console.log(`The build in ${distDirOf(env)} is ready (DEPLOYMENT_ID ${built.DEPLOYMENT_ID ?? "unset"}).`);
    }
    return;
  }

  const env = {
    ...base,
    NEXTAUTH_SECRET: sessionSecret(target),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: serverActionsKey(target),
  };
  const { PORT: port } = parseEnv(env);
  const host = process.env.HOST ?? "127.0.0.1";
  if (plan.mode === "never") checkExistingBuild(env);
  await checkDatabase(target);
  await generateClients(env);
  await prepareDatabase(env);
  const served = await ensureBuild(env, plan.mode);
  console.log(`\nBreakingOn ${releaseVersion()} is starting on http://${displayHost(host)}:${port} (${target.engine}).`);
  let exited = false;
  void waitUntilAnswering(`http://${displayHost(host)}:${port}/admin/login`, { stop: () => exited }).then((up) => up && console.log(startLine(host, port)));
  await serve(served, host, port).finally(() => (exited = true));
}

main().catch((error) => exitWithError("npm start", error));
