// `npm run backup`: one timestamped archive of the database (a consistent snapshot taken while the site keeps serving
// and saving), its media and a manifest, in BACKUP_DIR (README, "Backup and restore").
//
//   npm run backup                         write backups/breakingon-<UTC time>-manual.tar.gz
//   npm run backup -- --dir /mnt/backups   somewhere else
//   npm run backup -- --kind pre-migration (npm start uses this before it applies migrations)
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "../lib/database-url";
import { exitWithError } from "./lib/run";

async function main() {
  const { values } = parseArgs({ options: { dir: { type: "string" }, kind: { type: "string", default: "manual" } } });
  if (!["manual", "scheduled", "pre-migration"].includes(values.kind!)) throw new Error(`--kind must be manual, scheduled or pre-migration, not ${values.kind}`);
  const kind = values.kind as "manual" | "scheduled" | "pre-migration";
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { parseEnv } = await import("../lib/env-schema");
  const config = parseEnv({ ...process.env, ...(values.dir && { BACKUP_DIR: values.dir }) });
  const [{ createBackup }, { backupSetting, formatBytes }, runs] = await Promise.all([import("../lib/ops/backup/backup"), import("../lib/ops/backup/from-env"), import("../lib/dal/backups")]);
  const setting = backupSetting(config);
  // Before the run is recorded: opening a missing SQLite file to record it would create an empty database.
  const target = resolveDatabaseUrl(config.DATABASE_URL);
  if (target.engine === "sqlite" && !existsSync(target.file)) throw new Error(`there is no database at ${target.file} to back up`);
  // A database from before the BackupRun table (the pre-migration backup of an old release) is backed up unrecorded.
  const runId = await runs.startBackupRun(kind).catch(() => null);
  try {
    const result = await createBackup({ ...setting, kind });
    if (runId) await runs.finishBackupRun(runId, { file: result.file, sizeBytes: result.sizeBytes });
    const { manifest } = result;
    const stories = manifest.counts.Article ?? 0;
    console.log(
      `Backup written: ${result.file} (${formatBytes(result.sizeBytes)} in ${(result.durationMs / 1000).toFixed(1)} s; ${manifest.engine}, ${stories} stories, ` +
        `${manifest.media.files.length} media files, migration ${manifest.migrations.level ?? "none"}).`,
    );
    if (manifest.media.missing.length > 0) console.warn(`Note: ${manifest.media.missing.length} media files the database names were not in the store (first: ${manifest.media.missing[0]}).`);
  } catch (error) {
    if (runId) await runs.finishBackupRun(runId, { error: (error as Error).message }).catch(() => {});
    throw error;
  }
}

main().then(
  () => process.exit(0),
  (error) => exitWithError("npm run backup", error),
);
