// `npm run backup`, the scheduled backup and the pre-migration backup all call createBackup: a consistent snapshot
// of the database (database.ts), the media it refers to (media.ts) and a manifest with checksums (manifest.ts),
// packed into one timestamped archive (archive.ts) in the backup folder.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { resolveDatabaseUrl } from "@/lib/database-url";
import type { MediaStorage } from "@/lib/media/object-store";
import { writeArchive } from "./archive";
import { snapshotPostgres, snapshotSqlite } from "./database";
import { copyMediaOut, mediaObjects } from "./media";
import { archiveName, BackupError, DATABASE_FILES, FORMAT, FORMAT_VERSION, MANIFEST_FILE, MEDIA_PREFIX, sha256, type ArchivedFile, type BackupKind, type Engine, type Manifest } from "./manifest";

export interface BackupOptions {
  databaseUrl: string | undefined;
  storage: MediaStorage;
  storageKind: "local" | "s3";
  backupDir: string;
  kind: BackupKind;
  now?: () => Date;
}

export interface BackupResult {
  file: string;
  sizeBytes: number;
  durationMs: number;
  manifest: Manifest;
}

/** This release's name and version (package.json in the app folder). */
export function appVersion(cwd: string = process.cwd()): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** This release's migrations for an engine, oldest first. */
export function releaseMigrations(engine: Engine, cwd: string = process.cwd()): string[] {
  const dir = path.join(cwd, "prisma", engine, "migrations");
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function describeFile(file: string, name: string): Promise<ArchivedFile> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return { path: name, bytes: (await stat(file)).size, sha256: hash.digest("hex") };
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const at = (options.now ?? (() => new Date()))();
  const target = resolveDatabaseUrl(options.databaseUrl);
  await mkdir(options.backupDir, { recursive: true });
  const file = path.join(options.backupDir, archiveName(options.kind, at));
  if (existsSync(file)) throw new BackupError(`${file} already exists; wait a second and try again`);
  const staging = await mkdtemp(path.join(options.backupDir, ".staging-"));
  try {
    const databaseFile = DATABASE_FILES[target.engine];
    const contents = target.engine === "sqlite" ? await snapshotSqlite(target.file, path.join(staging, databaseFile)) : await snapshotPostgres(target.url, path.join(staging, databaseFile));
    const media: ArchivedFile[] = [];
    const missing = await copyMediaOut(options.storage, mediaObjects(contents.media), async (objectKey, data) => {
      const name = `${MEDIA_PREFIX}${objectKey}`;
      await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
      await writeFile(path.join(staging, name), data);
      media.push({ path: name, bytes: data.length, sha256: sha256(data) });
    });
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      app: appVersion(),
      kind: options.kind,
      createdAt: at.toISOString(),
      engine: target.engine,
      migrations: { applied: contents.migrations, level: contents.migrations.at(-1) ?? null },
      counts: contents.counts,
      database: await describeFile(path.join(staging, databaseFile), databaseFile),
      media: { storage: options.storageKind, files: media, missing },
    };
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
    await writeArchive(file, staging, [MANIFEST_FILE, databaseFile, ...media.map((m) => m.path)]);
    return { file, sizeBytes: (await stat(file)).size, durationMs: Date.now() - started, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
