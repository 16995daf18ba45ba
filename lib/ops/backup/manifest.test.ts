import { describe, expect, it } from "vitest";
import { archivesToKeep } from "./retention";
import { archiveName, BackupError, checkRestorable, compareVersions, parseArchiveName, parseManifest, type Manifest } from "./manifest";

const manifest: Manifest = {
  format: "breakingon-backup",
  formatVersion: 1,
  app: { name: "breakingon", version: "0.1.0" },
  kind: "manual",
  createdAt: "2026-11-27T09:00:00.000Z",
  engine: "sqlite",
  migrations: { applied: ["a", "b"], level: "b" },
  counts: { Article: 3 },
  database: { path: "database.sqlite", bytes: 10, sha256: "0".repeat(64) },
  media: { storage: "local", files: [], missing: [] },
};

describe("a backup's manifest", () => {
  it("says which of this release's migrations a restored older backup still needs", () => {
    expect(checkRestorable(manifest, { appVersion: "0.2.0", engine: "sqlite", migrations: ["a", "b", "c"] })).toEqual({ pending: ["c"] });
    expect(checkRestorable(manifest, { appVersion: "0.1.0", engine: "sqlite", migrations: ["a", "b"] })).toEqual({ pending: [] });
  });

  it.each([
    [{ appVersion: "0.0.9", engine: "sqlite" as const, migrations: ["a", "b"] }, "this backup is from BreakingOn 0.1.0, newer than this release (0.0.9): upgrade first, then restore"],
    [{ appVersion: "0.1.0", engine: "postgresql" as const, migrations: ["a", "b"] }, "this is a sqlite backup and DATABASE_URL is a postgresql database: restore it into a sqlite database"],
    [{ appVersion: "0.1.0", engine: "sqlite" as const, migrations: ["a"] }, "this backup's database has migrations this release does not know (b): it is from a newer release; upgrade first"],
  ])("refuses a backup this release cannot take (%o)", (target, message) => {
    expect(() => checkRestorable(manifest, target)).toThrow(new BackupError(message));
  });

  it("reads only a well-formed manifest, and never a media path that could leave the media folder", () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
    expect(() => parseManifest("{")).toThrow(/not valid JSON/);
    expect(() => parseManifest(JSON.stringify({ hello: 1 }))).toThrow(/not a BreakingOn backup/);
    const climbing = { ...manifest, media: { ...manifest.media, files: [{ path: "media/../../etc/passwd", bytes: 1, sha256: "0".repeat(64) }] } };
    expect(() => parseManifest(JSON.stringify(climbing))).toThrow(/media file with a bad name/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, database: { ...manifest.database, path: "../x" } }))).toThrow(/names \.\.\/x as the database/);
  });

  it("compares versions numerically and names archives by UTC time and kind", () => {
    expect(compareVersions("0.10.0", "0.9.9")).toBe(1);
    expect(compareVersions("1.0.0", "1.0")).toBe(0);
    expect(compareVersions("1.0.0-beta", "1.0.1")).toBe(-1);
    const at = new Date("2026-11-27T09:30:05.123Z");
    expect(archiveName("scheduled", at)).toBe("breakingon-20261127T093005Z-scheduled.tar.gz");
    expect(parseArchiveName(archiveName("pre-migration", at))).toEqual({ at: new Date("2026-11-27T09:30:05Z"), kind: "pre-migration" });
    expect(parseArchiveName("notes.txt")).toBeNull();
  });
});

describe("retention of scheduled backups", () => {
  it("keeps the newest of each of the last 7 days and 4 weeks", () => {
    // Two a day for 60 days, ending on Friday 2026-11-27.
    const archives = Array.from({ length: 120 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 27, 23, 0) - i * 12 * 3600_000);
      return { name: archiveName("scheduled", at), at };
    });
    const kept = [...archivesToKeep(archives, { daily: 7, weekly: 4 })].sort();
    const names = (days: string[]) => days.map((d) => `breakingon-${d}T230000Z-scheduled.tar.gz`);
    // Daily: 21–27 Nov. Weekly: the newest of the weeks starting 23, 16, 9 and 2 Nov (Mondays): 27, 22, 15 and 8 Nov.
    expect(kept).toEqual(names(["20261108", "20261115", "20261121", "20261122", "20261123", "20261124", "20261125", "20261126", "20261127"]).sort());
  });
});
