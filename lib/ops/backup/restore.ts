// `npm run restore -- FILE`: checks the whole archive first (unpacked into a scratch folder: every checksum, the
// release and engine it is for), then checks the target database and media store are empty (or --force), and only
// then writes: the database, the media, newer migrations when the backup is older, and an empty shared cache.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { resolveDatabaseUrl } from "@/lib/database-url";
import type { MediaStorage } from "@/lib/media/object-store";
import { readArchive } from "./archive";
import { appVersion, releaseMigrations } from "./backup";
import { postgresTargetContents, restoredCounts, restorePostgres, restoreSqlite, sqliteTargetContents } from "./database";
import { copyMediaIn, storageTargetContents } from "./media";
import { BackupError, checkRestorable, MEDIA_PREFIX, type Manifest } from "./manifest";
import { runTool } from "./tools";

export interface RestoreOptions {
  file: string;
  databaseUrl: string | undefined;
  /** Where the media go; not needed for a database-only restore. */
  storage?: MediaStorage;
  /** The local media folder, or null for a bucket. */
  localRoot?: string | null;
  /** Put back the database only (npm start rolling back a failed migration: media never change in one). */
  databaseOnly?: boolean;
  /** Apply this release's newer migrations after restoring an older backup (default true). */
  migrate?: boolean;
  /** Replace a target that is not empty. */
  force: boolean;
  redisUrl?: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  appliedMigrations: string[];
  mediaFiles: number;
  cacheKeysCleared: number;
}

/** The shared cache's entries and tag record (lib/cache/redis-store.mjs); without the tag record nothing older is served. */
async function clearSharedCache(url: string): Promise<number> {
  const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: false } });
  client.on("error", () => {});
  await client.connect();
  let cleared = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: "breakingon:*", COUNT: 500 })) {
      if (keys.length > 0) cleared += await client.del(keys);
    }
  } finally {
    await client.close();
  }
  return cleared;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const target = resolveDatabaseUrl(options.databaseUrl);
  const scratch = await mkdtemp(path.join(tmpdir(), "breakingon-restore-"));
  try {
    const manifest = await readArchive(path.resolve(options.file), scratch);
    const { pending } = checkRestorable(manifest, { appVersion: appVersion().version, engine: target.engine, migrations: releaseMigrations(target.engine) });
    const objectKeys = manifest.media.files.map((f) => f.path.slice(MEDIA_PREFIX.length));

    const storage = options.databaseOnly ? null : options.storage;
    if (!options.databaseOnly && !storage) throw new BackupError("no media storage to restore into");
    const occupied = [
      target.engine === "sqlite" ? await sqliteTargetContents(target.file) : await postgresTargetContents(target.url),
      storage ? await storageTargetContents(storage, objectKeys, options.localRoot ?? null) : null,
    ].filter((what): what is string => what !== null);
    if (occupied.length > 0 && !options.force) throw new BackupError(`refusing to restore: ${occupied.join("; ")}. Restore into an empty database and storage, or pass --force to replace them`);

    log(`Restoring the ${manifest.engine} database from ${manifest.createdAt} (BreakingOn ${manifest.app.version}, migration ${manifest.migrations.level ?? "none"})…`);
    const snapshot = path.join(scratch, manifest.database.path);
    if (target.engine === "sqlite") await restoreSqlite(snapshot, target.file);
    else await restorePostgres(snapshot, target.url, occupied.length > 0);

    const counts = await restoredCounts(target.engine, target.engine === "sqlite" ? target.file : target.url);
    const differing = Object.entries(manifest.counts).filter(([table, n]) => counts[table] !== n);
    if (differing.length > 0) throw new BackupError(`the restored database does not hold what the manifest counts (${differing.slice(0, 3).map(([t, n]) => `${t}: ${counts[t] ?? "missing"} instead of ${n}`).join(", ")})`);

    if (storage) {
      log(`Restoring ${objectKeys.length} media files…`);
      await copyMediaIn(storage, path.join(scratch, "media"), objectKeys);
    }

    const migrate = options.migrate ?? true;
    if (migrate && pending.length > 0) {
      log(`Applying ${pending.length} newer migration${pending.length === 1 ? "" : "s"}: ${pending.join(", ")}`);
      await runTool(process.execPath, [path.join(process.cwd(), "node_modules/prisma/build/index.js"), "migrate", "deploy"], "prisma migrate deploy", {
        env: { ...process.env, DATABASE_URL: target.url },
      });
    }
    const cacheKeysCleared = options.redisUrl ? await clearSharedCache(options.redisUrl) : 0;
    return { manifest, appliedMigrations: migrate ? pending : [], mediaFiles: storage ? objectKeys.length : 0, cacheKeysCleared };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
