import "server-only";
import { finishBackupRun, startBackupRun } from "@/lib/dal/backups";
import type { Env } from "@/lib/env-schema";
import { createBackup } from "@/lib/ops/backup/backup";
import { backupSetting, formatBytes } from "@/lib/ops/backup/from-env";
import { pruneScheduledBackups } from "@/lib/ops/backup/retention";
import { startRecurring } from "./recurring";

// Scheduled backups are recurring work on the durable queue (lib/jobs/recurring.ts), like the trash purge: every
// BACKUP_EVERY_HOURS one instance writes a backup (lib/ops/backup), records it (BackupRun) and prunes the older
// scheduled archives to the retention (BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY). A failed run is recorded and retried.

export const BACKUP_JOB = "backup.scheduled";

/** One scheduled backup and the pruning after it. */
export async function runScheduledBackup(config: Env, at: Date, log: (line: string) => void = console.log): Promise<void> {
  const id = await startBackupRun("scheduled", at);
  try {
    const setting = backupSetting(config);
    const result = await createBackup({ ...setting, kind: "scheduled", now: () => at });
    await finishBackupRun(id, { file: result.file, sizeBytes: result.sizeBytes });
    const removed = await pruneScheduledBackups(setting.backupDir, { daily: config.BACKUP_KEEP_DAILY, weekly: config.BACKUP_KEEP_WEEKLY });
    log(`backup: wrote ${result.file} (${formatBytes(result.sizeBytes)} in ${(result.durationMs / 1000).toFixed(1)} s)${removed.length ? `; removed ${removed.length} older scheduled backups` : ""}`);
  } catch (error) {
    await finishBackupRun(id, { error: (error as Error).message });
    throw error;
  }
}

/** Registers the scheduled backup and makes sure the next one is queued. Called once at server start. */
export async function startScheduledBackups(config: Env, now: () => Date = () => new Date()): Promise<void> {
  if (config.BACKUP_EVERY_HOURS === 0) return;
  await startRecurring({ name: BACKUP_JOB, everyMs: config.BACKUP_EVERY_HOURS * 60 * 60_000, maxAttempts: 3, run: (at) => runScheduledBackup(config, at) }, now);
}
