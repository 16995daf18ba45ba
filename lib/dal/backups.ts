import "server-only";
import { getDb } from "@/lib/db";

// The record of backups (BackupRun): written by `npm run backup`, the scheduled backup job and `npm start`'s
// pre-migration backup (no person asking, like the scheduler), read by administrators on the System page.

export type BackupRunKind = "manual" | "scheduled" | "pre-migration";

/** How long without a successful backup before the newsroom is warned (a daily backup, with two hours' grace). */
export const BACKUP_STALE_MS = 26 * 60 * 60_000;

/** Notes that a backup started; returns the run's id for finishBackupRun. */
export async function startBackupRun(kind: BackupRunKind, startedAt: Date = new Date()): Promise<string> {
  const row = await getDb().backupRun.create({ data: { kind, startedAt }, select: { id: true } });
  return row.id;
}

export async function finishBackupRun(id: string, outcome: { file: string; sizeBytes: number } | { error: string }, finishedAt: Date = new Date()): Promise<void> {
  const data = "error" in outcome ? { status: "failed", error: outcome.error.slice(0, 2000) } : { status: "succeeded", file: outcome.file, sizeBytes: BigInt(outcome.sizeBytes) };
  await getDb().backupRun.update({ where: { id }, data: { ...data, finishedAt } });
}

/** Records a backup taken before this table could be written (the pre-migration backup of a database that had none). */
export async function recordFinishedBackup(kind: BackupRunKind, outcome: { file: string; sizeBytes: number }, startedAt: Date, finishedAt: Date): Promise<void> {
  await getDb().backupRun.create({ data: { kind, status: "succeeded", file: outcome.file, sizeBytes: BigInt(outcome.sizeBytes), startedAt, finishedAt } });
}

export interface BackupRunView {
  kind: string;
  status: string;
  file: string | null;
  sizeBytes: number | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface BackupStatus {
  lastSucceeded: BackupRunView | null;
  lastFailed: BackupRunView | null;
  recent: BackupRunView[];
  /** No backup succeeded in the last 26 hours. */
  stale: boolean;
}

const runSelect = { kind: true, status: true, file: true, sizeBytes: true, error: true, startedAt: true, finishedAt: true } as const;

function view(row: { kind: string; status: string; file: string | null; sizeBytes: bigint | null; error: string | null; startedAt: Date; finishedAt: Date | null }): BackupRunView {
  return { ...row, sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes) };
}

/** The last backups and whether one is overdue (administrators only). */
export async function getBackupStatus(now: Date = new Date()): Promise<BackupStatus> {
  // Loaded here, not at the top: the command-line backup imports this module and must not load next-auth.
  const { requirePermission } = await import("./session");
  await requirePermission("settings.manage", { entityType: "BackupRun" });
  const db = getDb();
  const [lastSucceeded, lastFailed, recent] = await Promise.all([
    db.backupRun.findFirst({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: runSelect }),
    db.backupRun.findFirst({ where: { status: "failed" }, orderBy: { finishedAt: "desc" }, select: runSelect }),
    db.backupRun.findMany({ orderBy: { startedAt: "desc" }, take: 10, select: runSelect }),
  ]);
  const lastAt = lastSucceeded?.finishedAt?.getTime();
  return {
    lastSucceeded: lastSucceeded && view(lastSucceeded),
    lastFailed: lastFailed && view(lastFailed),
    recent: recent.map(view),
    stale: lastAt === undefined || now.getTime() - lastAt > BACKUP_STALE_MS,
  };
}
