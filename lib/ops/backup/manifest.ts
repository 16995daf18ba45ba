// What a backup archive says about itself (manifest.json, its first entry), and the checks a restore makes on it
// before anything is written. Pure: the archive, database and media modules do the reading and writing.
import { createHash } from "node:crypto";
import { z } from "zod";
import { isObjectKey } from "@/lib/media/object-store";

export const MANIFEST_FILE = "manifest.json";
export const FORMAT = "breakingon-backup";
export const FORMAT_VERSION = 1;
export const DATABASE_FILES = { sqlite: "database.sqlite", postgresql: "database.pgdump" } as const;
export const MEDIA_PREFIX = "media/";

export type BackupKind = "manual" | "scheduled" | "pre-migration";
export type Engine = keyof typeof DATABASE_FILES;

/** Raised for anything a person must fix; its message is the one line the scripts print. */
export class BackupError extends Error {
  override name = "BackupError";
}

const fileSchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type ArchivedFile = z.infer<typeof fileSchema>;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  app: z.object({ name: z.string(), version: z.string() }),
  kind: z.enum(["manual", "scheduled", "pre-migration"]),
  createdAt: z.string(),
  engine: z.enum(["sqlite", "postgresql"]),
  migrations: z.object({ applied: z.array(z.string()), level: z.string().nullable() }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  database: fileSchema,
  media: z.object({ storage: z.enum(["local", "s3"]), files: z.array(fileSchema), missing: z.array(z.string()) }),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The manifest's JSON, or BackupError when it is not a BreakingOn backup manifest this code can read. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError("the archive's manifest is not valid JSON (damaged or not a BreakingOn backup)");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const wrongFormat = (json as { format?: unknown } | null)?.format !== FORMAT;
    throw new BackupError(wrongFormat ? "this is not a BreakingOn backup (its manifest names no breakingon-backup format)" : `the archive's manifest is damaged (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`);
  }
  const manifest = parsed.data;
  const expected = DATABASE_FILES[manifest.engine];
  if (manifest.database.path !== expected) throw new BackupError(`the archive's manifest names ${manifest.database.path} as the database, not ${expected}`);
  for (const file of manifest.media.files) {
    if (!file.path.startsWith(MEDIA_PREFIX) || !isObjectKey(file.path.slice(MEDIA_PREFIX.length))) throw new BackupError(`the archive's manifest names a media file with a bad name (${file.path.slice(0, 80)})`);
  }
  return manifest;
}

/** -1, 0 or 1 as version a is older, the same or newer than b (numeric dotted versions; a pre-release tag is ignored). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0].split(".").map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export interface RestoreTarget {
  appVersion: string;
  engine: Engine;
  /** This release's migration folders, oldest first. */
  migrations: string[];
}

/**
 * Whether this release may restore the backup into its engine, and which of its migrations the restored database
 * will still need. Refuses (BackupError) a backup from a newer release or for the other engine.
 */
export function checkRestorable(manifest: Manifest, target: RestoreTarget): { pending: string[] } {
  if (manifest.formatVersion > FORMAT_VERSION) throw new BackupError(`this backup was written in format ${manifest.formatVersion} by BreakingOn ${manifest.app.version}; this release (${target.appVersion}) reads format ${FORMAT_VERSION}: upgrade first`);
  if (manifest.engine !== target.engine) throw new BackupError(`this is a ${manifest.engine} backup and DATABASE_URL is a ${target.engine} database: restore it into a ${manifest.engine} database`);
  if (compareVersions(manifest.app.version, target.appVersion) > 0) throw new BackupError(`this backup is from BreakingOn ${manifest.app.version}, newer than this release (${target.appVersion}): upgrade first, then restore`);
  const known = new Set(target.migrations);
  const unknown = manifest.migrations.applied.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new BackupError(`this backup's database has migrations this release does not know (${unknown.slice(0, 3).join(", ")}): it is from a newer release; upgrade first`);
  const applied = new Set(manifest.migrations.applied);
  return { pending: target.migrations.filter((name) => !applied.has(name)) };
}

/** `breakingon-20261127T093000Z-manual.tar.gz`: sorts by time, and names the kind for retention. */
export function archiveName(kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `breakingon-${stamp}-${kind}.tar.gz`;
}

const ARCHIVE_NAME = /^breakingon-(\d{8}T\d{6}Z)-(manual|scheduled|pre-migration)\.tar\.gz$/;

/** The time and kind in an archive's name, or null for any other file. */
export function parseArchiveName(name: string): { at: Date; kind: BackupKind } | null {
  const match = ARCHIVE_NAME.exec(name);
  if (!match) return null;
  const s = match[1];
  const at = new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
  return Number.isNaN(at.getTime()) ? null : { at, kind: match[2] as BackupKind };
}
