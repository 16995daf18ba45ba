// The backup's surroundings from configuration: where archives go, and the media store (local folder or bucket).
import "server-only";
import path from "node:path";
import type { Env } from "@/lib/env-schema";
import { LocalDiskStorage, storageFromEnv } from "@/lib/media/storage";
import type { MediaStorage } from "@/lib/media/object-store";

export interface BackupSetting {
  databaseUrl: string;
  backupDir: string;
  storage: MediaStorage;
  storageKind: "local" | "s3";
  /** The local media folder, or null when media live in a bucket. */
  localRoot: string | null;
}

export function backupSetting(config: Env): BackupSetting {
  const storage = storageFromEnv(config);
  const localRoot = storage instanceof LocalDiskStorage ? storage.root : null;
  return { databaseUrl: config.DATABASE_URL, backupDir: path.resolve(config.BACKUP_DIR), storage, storageKind: localRoot ? "local" : "s3", localRoot };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
