// `npm run restore -- FILE [--force]`: restores a backup made by `npm run backup` into the database DATABASE_URL names
// and the configured media store. The whole archive is checked first; an empty target is required unless --force.
// Stop the site before restoring over a live database (README, "Backup and restore").
//
//   npm run restore -- FILE                  into an empty database and media store
//   npm run restore -- FILE --force          replacing what is there
//   npm run restore -- FILE --force --database-only --no-migrate
//                                            put back the database exactly as the backup holds it (rolling back a
//                                            failed upgrade from npm start's pre-migration backup)
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { exitWithError } from "./lib/run";

async function main() {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false }, "database-only": { type: "boolean", default: false }, "no-migrate": { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error("usage: npm run restore -- FILE [--force] [--database-only] [--no-migrate]");
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { parseEnv } = await import("../lib/env-schema");
  const config = parseEnv(process.env);
  const [{ restoreBackup }, { backupSetting }] = await Promise.all([import("../lib/ops/backup/restore"), import("../lib/ops/backup/from-env")]);
  const setting = backupSetting(config);
  const result = await restoreBackup({ ...setting, file: positionals[0], force: values.force!, databaseOnly: values["database-only"], migrate: !values["no-migrate"], redisUrl: config.REDIS_URL, log: console.log });
  const { manifest } = result;
  console.log(
    `Restored the backup of ${manifest.createdAt}: ${manifest.counts.Article ?? 0} stories, ${result.mediaFiles} media files` +
      (result.appliedMigrations.length ? `, then ${result.appliedMigrations.length} newer migrations` : "") +
      (config.REDIS_URL ? `; the shared cache was emptied (${result.cacheKeysCleared} keys)` : "") +
      ". Start (or restart) the site: every instance begins with an empty cache.",
  );
}

main().then(
  () => process.exit(0),
  (error) => exitWithError("npm run restore", error),
);
