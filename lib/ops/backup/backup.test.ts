// Backup and restore end to end, on each engine: a backup taken while a writer saves through the story path every
// 100 ms holds every save acknowledged before it began, and restores into a fresh database and media folder with
// revisions, the search index and the images intact. Then the archives a restore must refuse, with nothing written.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { createDb } from "@/lib/db";
import { LocalDiskStorage } from "@/lib/media/storage";
import { ENGINES, POSTGRES_ADMIN_URL, onServer, postgresUnavailableReason, restoreEnv, type Engine } from "@/lib/testing/databases";
import { storyFieldsSchema } from "@/lib/validation/stories";
import { createBackup } from "./backup";
import { restoreBackup } from "./restore";
import { BackupError, sha256 } from "./manifest";
import { runTool } from "./tools";

const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "breakingon-backup-media-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7" }), cookies: async () => ({ get: () => undefined }) }));

const { createStory, getStoryForEdit, saveStory } = await import("@/lib/dal/stories");
const { uploadMedia } = await import("@/lib/dal/media");
const { searchArticles } = await import("@/lib/dal/search");

const scratch = mkdtempSync(path.join(tmpdir(), "breakingon-backup-test-"));
const postgresReason = await postgresUnavailableReason();
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
  rmSync(storageDir, { recursive: true, force: true });
});

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

/** A URL for a database that does not exist yet (restore makes the PostgreSQL one; SQLite makes the file). */
function freshUrl(engine: Engine): string {
  const name = `breakingon_test_${randomBytes(6).toString("hex")}`;
  if (engine === "sqlite") return `file:${path.join(scratch, `${name}.db`)}`;
  cleanups.push(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database migrated the way `npm start` does it (prisma migrate deploy), so it records its migration level. */
async function migratedDatabase(engine: Engine): Promise<string> {
  const url = freshUrl(engine);
  if (engine === "postgresql") await onServer(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
  await runTool(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], "prisma migrate deploy", { env: { ...process.env, DATABASE_URL: url } });
  return url;
}

async function tablesIn(engine: Engine, url: string): Promise<number> {
  if (engine === "sqlite") return existsSync(url.slice("file:".length)) ? 1 : 0;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return 0; // not even created
  }
  try {
    return Number((await client.query(`select count(*) as n from information_schema.tables where table_schema = 'public'`)).rows[0].n);
  } finally {
    await client.end();
  }
}

const filesUnder = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort() : []);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Unpacks an archive with the system's tar, lets `change` alter it, and packs it again (manifest first). */
function repack(archive: string, change: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(scratch, "repack-"));
  execFileSync("tar", ["xzf", archive, "-C", dir]);
  change(dir);
  const out = path.join(scratch, `altered-${randomBytes(4).toString("hex")}.tar.gz`);
  const rest = readdirSync(dir).filter((name) => name !== "manifest.json");
  execFileSync("tar", ["czf", out, "-C", dir, "manifest.json", ...rest]);
  return out;
}

for (const engine of ENGINES) {
  const skip = engine === "postgresql" && postgresReason !== null;
  if (skip) console.warn(`[skipped] backup and restore on PostgreSQL: ${postgresReason}`);

  describe.skipIf(skip)(`backup and restore [${engine}]`, () => {
    const previousUrl = process.env.DATABASE_URL;
    const backupDir = path.join(scratch, `backups-${engine}`);
    const storage = new LocalDiskStorage(storageDir);
    let sourceUrl = "";
    let archive = "";
    const ids = { editor: "", story: "", published: "", media: "" };

    beforeAll(async () => {
      sourceUrl = await migratedDatabase(engine);
      process.env.DATABASE_URL = sourceUrl;
      const db = createDb(sourceUrl);
      try {
        ids.editor = (await db.user.create({ data: { email: `editor-${engine}@news.example`, name: "Edna", passwordHash: "x", role: "EDITOR" } })).id;
        const section = await db.section.create({ data: { slug: "city", name: "City" } });
        const byline = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
        ids.published = (
          await db.article.create({
            data: { slug: "harbour", status: "PUBLISHED", publishedAt: new Date(Date.now() - 3600_000), headline: "Harbour reopens", body: "The lighthouse keeper counted seventeen herons.", sectionId: section.id, bylines: { create: [{ bylineId: byline.id, position: 0 }] } },
          })
        ).id;
      } finally {
        await db.$disconnect();
      }
      signInAs(ids.editor);
      const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 60, b: 30 } } }).jpeg().toBuffer();
      ids.media = (await uploadMedia(photo, "harbour.jpg", { alt: "The harbour" })).id;
      ids.story = (await createStory({ headline: "Council meets" })).id;
    });

    afterAll(() => {
      restoreEnv("DATABASE_URL", previousUrl);
    });

    it("backs up while a writer saves every 100 ms, and restores every save acknowledged before the backup began", async () => {
      const acknowledged: { at: number; version: number; body: string }[] = [];
      const created: { at: number; id: string }[] = [];
      let writing = true;
      const writer = (async () => {
        for (let n = 1; writing; n++) {
          const story = (await getStoryForEdit(ids.story))!;
          const body = `Save number ${n}: the council voted.`;
          const fields = storyFieldsSchema.parse({ ...story.fields, sectionId: story.fields.sectionId ?? "", heroMediaId: "", seoTitle: "", seoDescription: "", breakingUntil: "", body });
          const saved = await saveStory({ id: ids.story, baseVersion: story.version, fields, mode: "manual" });
          acknowledged.push({ at: Date.now(), version: saved.version, body });
          if (n % 5 === 0) created.push({ at: Date.now(), id: (await createStory({ headline: `Brief ${n}` })).id });
          await sleep(100);
        }
      })();
      while (acknowledged.length < 8) await sleep(50);
      const began = Date.now();
      const result = await createBackup({ databaseUrl: sourceUrl, storage, storageKind: "local", backupDir, kind: "manual" });
      await sleep(300);
      writing = false;
      await writer;
      archive = result.file;
      console.info(`[${engine}] backup under load: ${statSync(archive).size} bytes in ${result.durationMs} ms; ${acknowledged.length} saves, ${acknowledged.filter((a) => a.at < began).length} before it`);

      const before = acknowledged.filter((a) => a.at < began);
      expect(before.length).toBeGreaterThanOrEqual(5);
      expect(acknowledged.length).toBeGreaterThan(before.length); // saves went on while the backup ran
      expect(result.manifest).toMatchObject({ engine, kind: "manual", app: { name: "breakingon" }, media: { storage: "local", missing: [] } });
      expect(result.manifest.migrations.level).toMatch(/live_coverage$/);

      const targetUrl = freshUrl(engine);
      const targetMedia = mkdtempSync(path.join(scratch, "restored-media-"));
      const restored = await restoreBackup({ file: archive, databaseUrl: targetUrl, storage: new LocalDiskStorage(targetMedia), localRoot: targetMedia, force: false });
      expect(restored.appliedMigrations).toEqual([]);

      const db = createDb(targetUrl);
      try {
        const story = await db.article.findUniqueOrThrow({ where: { id: ids.story }, select: { version: true, body: true } });
        const last = before.at(-1)!;
        expect(story.version).toBeGreaterThanOrEqual(last.version);
        // Every acknowledged save before the snapshot has its revision, with the text that was saved.
        const revisions = await db.revision.findMany({ where: { articleId: ids.story }, select: { version: true, body: true } });
        const byVersion = new Map(revisions.map((r) => [r.version, r.body]));
        for (const save of before) expect(byVersion.get(save.version)).toBe(save.body);
        expect(byVersion.get(story.version)).toBe(story.body);
        for (const brief of created.filter((c) => c.at < began)) expect(await db.article.count({ where: { id: brief.id } })).toBe(1);
        // The image's row and every one of its files, byte for byte.
        const media = await db.media.findUniqueOrThrow({ where: { id: ids.media }, select: { storageKey: true } });
        const files = filesUnder(targetMedia);
        expect(files.length).toBeGreaterThanOrEqual(3);
        expect(files.every((f) => f.includes(media.storageKey))).toBe(true);
        for (const file of files) expect(sha256(readFileSync(path.join(targetMedia, file)))).toBe(sha256(readFileSync(path.join(storageDir, file))));
      } finally {
        await db.$disconnect();
      }
      // The search index came back with the rows: a reader's search finds the story by a word of its body.
      process.env.DATABASE_URL = targetUrl;
      try {
        expect((await searchArticles("herons")).results.map((r) => r.slug)).toEqual(["harbour"]);
      } finally {
        process.env.DATABASE_URL = sourceUrl;
      }
    }, 180_000);

    it("refuses a non-empty target without --force, and replaces it with --force", async () => {
      const media = mkdtempSync(path.join(scratch, "restored-media-"));
      const options = { file: archive, databaseUrl: sourceUrl, storage: new LocalDiskStorage(media), localRoot: media };
      await expect(restoreBackup({ ...options, force: false })).rejects.toThrow(/refusing to restore: .*already holds.*pass --force/);
      expect(filesUnder(media)).toEqual([]);
      // A scratch copy of the source, so the next tests still have theirs.
      const target = await migratedDatabase(engine);
      const replaced = await restoreBackup({ ...options, databaseUrl: target, force: true });
      expect(replaced.mediaFiles).toBeGreaterThanOrEqual(3);
      const db = createDb(target);
      try {
        expect(await db.article.count({ where: { id: ids.story } })).toBe(1);
      } finally {
        await db.$disconnect();
      }
    }, 120_000);

    const refusals: [string, () => string, RegExp][] = [
      ["truncated", () => {
        const copy = path.join(scratch, `truncated-${engine}.tar.gz`);
        copyFileSync(archive, copy);
        truncateSync(copy, Math.floor(statSync(copy).size / 2));
        return copy;
      }, /truncated or damaged/],
      ["tampered with", () => repack(archive, (dir) => {
        const file = path.join(dir, engine === "sqlite" ? "database.sqlite" : "database.pgdump");
        const bytes = readFileSync(file);
        bytes[bytes.length - 100] ^= 0xff;
        writeFileSync(file, bytes);
      }), /checksum of database\.\w+ does not match the manifest/],
      ["from a newer release", () => repack(archive, (dir) => {
        const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
        manifest.app.version = "99.0.0";
        writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
      }), /from BreakingOn 99\.0\.0, newer than this release/],
      ["not a backup at all", () => {
        const file = path.join(scratch, "notes.tar.gz");
        writeFileSync(path.join(scratch, "notes.txt"), "hello");
        execFileSync("tar", ["czf", file, "-C", scratch, "notes.txt"]);
        return file;
      }, /not a BreakingOn backup/],
    ];

    for (const [what, make, message] of refusals) {
      it(`refuses an archive ${what}, writing nothing`, async () => {
        const targetUrl = freshUrl(engine);
        const media = path.join(scratch, `untouched-${randomBytes(4).toString("hex")}`);
        const error = await restoreBackup({ file: make(), databaseUrl: targetUrl, storage: new LocalDiskStorage(media), localRoot: media, force: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BackupError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain("\n");
        expect(await tablesIn(engine, targetUrl)).toBe(0);
        expect(existsSync(media)).toBe(false);
      });
    }

    it("refuses a backup for the other engine, writing nothing", async () => {
      const other: Engine = engine === "sqlite" ? "postgresql" : "sqlite";
      if (other === "postgresql" && postgresReason) return;
      const targetUrl = freshUrl(other);
      const media = path.join(scratch, `untouched-${randomBytes(4).toString("hex")}`);
      const error = await restoreBackup({ file: archive, databaseUrl: targetUrl, storage: new LocalDiskStorage(media), localRoot: media, force: false }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`this is a ${engine} backup and DATABASE_URL is a ${other} database: restore it into a ${engine} database`);
      expect(await tablesIn(other, targetUrl)).toBe(0);
      expect(existsSync(media)).toBe(false);
    });
  });
}
