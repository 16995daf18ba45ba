// The backup's surroundings from configuration: where archives go, and the media store (local folder or bucket).
import "server-only";
import path from "node:path";
import type { Env } from "@/lib/env-schema";
import { LocalDiskStorage, storageFromEnv } from "@/lib/media/storage";
import type { MediaStorage } from "@/lib/media/object-store";

export { formatBytes } from "@/lib/format-bytes";

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
