// `npm run restore -- FILE [--force]`: restores a backup made by `npm run backup` into the database DATABASE_URL names
// and the configured media store. The whole archive is checked first; an empty target is required unless --force.
// Stop the site before restoring over a live database (README, "Backup and restore").
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { exitWithError } from "./lib/run";

async function main() {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error("usage: npm run restore -- FILE [--force]");
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { parseEnv } = await import("../lib/env-schema");
  const config = parseEnv(process.env);
  const [{ restoreBackup }, { backupSetting }] = await Promise.all([import("../lib/ops/backup/restore"), import("../lib/ops/backup/from-env")]);
  const setting = backupSetting(config);
  const result = await restoreBackup({ ...setting, file: positionals[0], force: values.force!, redisUrl: config.REDIS_URL, log: console.log });
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
