// Moves a seeded site between the engines and back through the real path (prisma migrate deploy on the target,
// batches, checks, search rebuild), and compares every table through the Prisma clients the app reads with.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db";
import { searchArticles } from "@/lib/dal/search";
import { createTestDatabase, onServer, POSTGRES_ADMIN_URL, postgresUnavailableReason, restoreEnv, type TestDatabase } from "@/lib/testing/databases";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { STATE_TABLE } from "./endpoint";
import { moveDatabase, MoveInterrupted, type MoveOptions } from "./move";
import { searchRebuilder } from "./search";

const postgresReason = await postgresUnavailableReason();
if (postgresReason) console.warn(`[skipped] db:move tests: ${postgresReason}`);

const rebuildSearch = searchRebuilder(createDb);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/** A PostgreSQL URL for a database that does not exist yet (dropped after the tests). */
function newPostgresUrl(): string {
  const name = `breakingon_test_move_${randomBytes(5).toString("hex")}`;
  cleanups.push(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function newSqliteUrl(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-move-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return `file:${path.join(dir, "moved.db")}`;
}

async function sqliteSource(): Promise<TestDatabase> {
  const source = await createTestDatabase("sqlite");
  cleanups.push(() => source.drop());
  await fillSite(source.db);
  return source;
}

const at = (iso: string) => new Date(iso);

/** A small site with every kind of row the issue names, and the awkward values: unicode, ms times, big integers. */
async function fillSite(db: Db): Promise<void> {
  await seedDatabase(db, { log: () => {} });
  const section = await db.section.findFirstOrThrow({ where: { slug: "world" } });
  const tag = await db.tag.findFirstOrThrow();
  const byline = await db.byline.findFirstOrThrow();
  const editor = await db.user.create({
    data: {
      email: "editor@example.com",
      name: "Edï Tør",
      passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$abc$def",
      role: "EDITOR",
      totpSecret: "v1.iv-base64.ciphertext-base64",
      totpEnabledAt: at("2026-03-04T05:06:07.891Z"),
      totpLastStep: 58_912_345,
      lastLoginAt: at("2026-11-01T23:59:59.999Z"),
      notifyReview: false,
      recoveryCodes: { create: [{ codeHash: "hash-1" }, { codeHash: "hash-2", usedAt: at("2026-05-05T05:05:05.005Z") }] },
    },
  });
  await db.user.create({ data: { email: "writer@example.com", name: "Writer", passwordHash: "x", disabled: true, invitedAt: at("2026-02-02T02:02:02.002Z") } });
  const media = await db.media.create({
    data: {
      storageKey: "2026/11/photo-a.jpg",
      originalName: "Ünïcode photo.jpg",
      mimeType: "image/jpeg",
      width: 1600,
      height: 900,
      bytes: 345_678,
      alt: "A photo",
      variants: { w320: { key: "2026/11/photo-a-320.webp", width: 320 }, w640: { width: 640, key: "2026/11/photo-a-640.webp" } },
      uploadedById: editor.id,
    },
  });
  await db.media.create({ data: { storageKey: "2026/11/photo-b.png", originalName: "b.png", mimeType: "image/png", width: 10, height: 10, bytes: 1 } });
  await db.byline.update({ where: { id: byline.id }, data: { photoMediaId: media.id } });
  await db.siteSettings.update({ where: { id: 1 }, data: { logoMediaId: media.id, requireTwoFactor: true } });

  // Enough stories for several batches, with text the two engines order differently (case, accents, punctuation).
  for (let i = 0; i < 24; i++) {
    const headline = i === 0 ? "Zeppelin «returns» to the Ünïcode harbour 😀" : `Story ${i} about ${i % 2 ? "Apples" : "apples"}`;
    const article = await db.article.create({
      data: {
        id: `${i % 3 === 0 ? "Z" : i % 3 === 1 ? "a" : "_"}story-${String(i).padStart(2, "0")}`,
        slug: `story-${i}`,
        headline,
        standfirst: `Standfirst ${i}`,
        body: `Body of story ${i}. ${i === 0 ? "The zeppelin landed **safely**." : "Nothing to see."}\n\nSecond paragraph.`,
        status: i % 4 === 3 ? "DRAFT" : "PUBLISHED",
        publishedAt: i % 4 === 3 ? null : at(`2026-10-${String(1 + i).padStart(2, "0")}T08:00:00.123Z`),
        breaking: i === 1,
        featured: i % 5 === 0,
        sectionId: section.id,
        heroMediaId: i === 0 ? media.id : null,
        createdById: editor.id,
        lastEditedById: editor.id,
        tags: { create: [{ tagId: tag.id, listedAt: i % 4 === 3 ? null : at("2026-10-01T08:00:00.123Z"), lastmod: at("2026-10-02T00:00:00.000Z") }] },
        bylines: { create: [{ bylineId: byline.id, position: 0, listedAt: at("2026-10-01T08:00:00.123Z") }] },
        revisions: {
          create: [1, 2].map((version) => ({
            version,
            reason: version === 1 ? "Created" : "Edited",
            headline,
            standfirst: `Standfirst ${i}`,
            body: "Body",
            status: "DRAFT" as const,
            snapshot: { headline, tags: ["a", "b"], nested: { z: 1, a: [true, null, 2.5] } },
            authorId: editor.id,
          })),
        },
      },
    });
    if (i < 3) await db.slugRedirect.create({ data: { fromSlug: `old-story-${i}`, articleId: article.id } });
  }
  const story = await db.article.findUniqueOrThrow({ where: { slug: "story-0" } });
  await db.auditLog.createMany({
    data: [
      { actorId: editor.id, action: "article.publish", entityType: "Article", entityId: story.id, details: { from: "DRAFT", to: "PUBLISHED" }, ip: "192.0.2.1" },
      { actorId: null, action: "auth.login_failed", entityType: "User", details: { email: "nobody@example.com", reason: "unknown" } },
      { actorId: editor.id, action: "user.totp_enabled", entityType: "User", entityId: editor.id, createdAt: at("2026-03-04T05:06:07.891Z") },
    ],
  });
  // Live coverage with a correction tied to an entry.
  await db.article.update({ where: { id: story.id }, data: { liveCoverage: true, coverageStartedAt: at("2026-10-01T09:00:00.000Z") } });
  const entry = await db.liveEntry.create({
    data: { articleId: story.id, title: "First update", body: "Landing now.", keyEvent: true, createdById: editor.id, bylines: { create: [{ bylineId: byline.id }] } },
  });
  await db.liveEntryRevision.create({ data: { entryId: entry.id, version: 1, title: "First update", body: "Landing now.", action: "created", authorId: editor.id } });
  await db.correction.create({ data: { articleId: story.id, kind: "CORRECTION", body: "An earlier version misspelt the harbour.", authorId: editor.id, liveEntryId: entry.id } });
  // A reply whose id sorts before its parent's: copying in key order alone would break the reference.
  await db.storyComment.create({ data: { id: "zz-parent", articleId: story.id, authorId: editor.id, body: "Check the date" } });
  await db.storyComment.create({ data: { id: "aa-reply", articleId: story.id, authorId: editor.id, parentId: "zz-parent", body: "Checked", anchorIndex: 2, anchorText: "date" } });
  await db.editorPresence.create({ data: { articleId: story.id, userId: editor.id, typingAt: at("2026-11-27T10:00:00.500Z") } });
  await db.scheduledUpdate.create({ data: { articleId: story.id, runAt: at("2026-12-01T00:00:00.000Z"), changes: { headline: "Later" }, baseVersion: 1, createdById: editor.id } });
  await db.job.create({ data: { name: "webhook.deliver", payload: { id: 1, list: [1, 2, 3], text: "ü" }, key: "job-1" } });
  await db.sitemapHubChange.createMany({ data: [{ kind: "tag", hubId: tag.id }, { kind: "byline", hubId: byline.id }] });
  await db.backupRun.create({ data: { kind: "manual", status: "done", file: "backups/x.tar.gz", sizeBytes: 9_007_199_254_740_993n, finishedAt: at("2026-11-27T01:02:03.004Z") } });
  await db.rateLimiterFlexible.create({ data: { key: "login:192.0.2.1", points: 3, expire: at("2026-11-27T12:00:00.000Z") } });
  await db.revokedSession.create({ data: { id: "session-1", expiresAt: at("2026-12-27T12:00:00.000Z") } });
  await db.accountToken.create({ data: { userId: editor.id, kind: "reset", tokenHash: "token-hash", expiresAt: at("2026-11-28T00:00:00.000Z") } });
  const hook = await db.webhookEndpoint.create({ data: { url: "https://example.com/hook", secret: "s3cret", events: "article.published", createdById: editor.id } });
  await db.webhookDelivery.create({ data: { endpointId: hook.id, event: "article.published", payload: '{"id":"x"}', responseCode: 500, durationMs: 12 } });
}

function contentTables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_%' and name <> '_prisma_migrations' order by name`).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

function rowKey(row: Record<string, unknown>): string {
  if ("id" in row) return String(row.id);
  if ("key" in row) return String(row.key);
  return Object.keys(row).filter((k) => k.endsWith("Id")).sort().map((k) => String(row[k])).join("|");
}

/** Every table's rows as the app reads them (Dates, BigInts, parsed JSON), by key. */
async function readAll(db: Db, tables: string[]): Promise<Record<string, Record<string, unknown>[]>> {
  const all: Record<string, Record<string, unknown>[]> = {};
  for (const table of tables) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>)[table[0].toLowerCase() + table.slice(1)];
    all[table] = (await delegate.findMany()).sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0));
  }
  return all;
}

async function expectSameSite(source: Db, copy: Db, all: string[], except: string[] = []): Promise<void> {
  const tables = all.filter((t) => !except.includes(t));
  const [expected, actual] = await Promise.all([readAll(source, tables), readAll(copy, tables)]);
  for (const table of tables) expect(actual[table], table).toEqual(expected[table]);
  for (const table of ["Article", "Revision", "Media", "User", "RecoveryCode", "AuditLog", "SlugRedirect", "LiveEntry", "Correction", "StoryComment", "BackupRun"]) {
    expect(expected[table].length, table).toBeGreaterThan(0);
  }
}

async function searchFinds(url: string, query: string): Promise<string[]> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    return (await searchArticles(query)).results.map((r) => r.slug);
  } finally {
    await getDb().$disconnect();
    restoreEnv("DATABASE_URL", previous);
  }
}

async function postgresTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public'`)).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe.skipIf(postgresReason !== null)("db:move", () => {
  let source: TestDatabase;
  let tables: string[];
  beforeAll(async () => {
    source = await sqliteSource();
    tables = contentTables(source.url.slice("file:".length));
  });

  it("moves a site from SQLite to PostgreSQL and back, every row the same and search working on each", { timeout: 240_000 }, async () => {
    const postgresUrl = newPostgresUrl();
    const lines: string[] = [];
    const there = await moveDatabase({ from: source.url, to: postgresUrl, batchSize: 5, rebuildSearch, log: (line) => lines.push(line) });
    expect(there.resumed).toBe(false);
    expect(there.databaseUrl).toBe(postgresUrl);
    expect(there.indexed).toBe(19);
    expect(there.tables.find((t) => t.name === "Article")?.rows).toBe(25);
    expect(lines).toContain("Article 25/25");
    expect(lines.some((line) => /^ {2}Revision: 49 rows, checksum [0-9a-f]{12} matches$/.test(line))).toBe(true);
    expect(await postgresTables(postgresUrl)).not.toContain(STATE_TABLE);

    const onPostgres = createDb(postgresUrl);
    try {
      await expectSameSite(source.db, onPostgres, tables);
      // The copied serial column continues after the copied ids.
      const change = await onPostgres.sitemapHubChange.create({ data: { kind: "tag", hubId: "new" } });
      expect(change.id).toBe(3);
      await onPostgres.sitemapHubChange.delete({ where: { id: change.id } });
      // The triggers turned off for the copy are on again: a story published now is found (and then removed).
      await onPostgres.article.create({ data: { id: "late", slug: "late", headline: "Late airship news", status: "PUBLISHED", publishedAt: at("2026-11-01T00:00:00.000Z") } });
      expect(await searchFinds(postgresUrl, "airship")).toEqual(["late"]);
      await onPostgres.article.delete({ where: { id: "late" } });
      expect(await searchFinds(postgresUrl, "airship")).toEqual([]);
    } finally {
      await onPostgres.$disconnect();
    }
    expect(await searchFinds(postgresUrl, "zeppelin")).toEqual(["story-0"]);
    expect(await searchFinds(postgresUrl, "cartels")).toHaveLength(1);

    const sqliteUrl = newSqliteUrl();
    const back = await moveDatabase({ from: postgresUrl, to: sqliteUrl, batchSize: 7, rebuildSearch });
    expect(back.indexed).toBe(19);
    const onSqlite = createDb(sqliteUrl);
    try {
      // SQLite never queues sitemap hubs: the queue is worked out (to the summaries SQLite's triggers keep) and emptied.
      await expectSameSite(source.db, onSqlite, tables, ["SitemapHubChange"]);
      expect(await onSqlite.sitemapHubChange.count()).toBe(0);
    } finally {
      await onSqlite.$disconnect();
    }
    expect(await searchFinds(sqliteUrl, "zeppelin")).toEqual(["story-0"]);
    // The triggers set aside during the copy are back: a newly published story is found.
    const writer = createDb(sqliteUrl);
    try {
      await writer.article.create({ data: { slug: "late", headline: "Late airship news", status: "PUBLISHED", publishedAt: at("2026-11-01T00:00:00.000Z") } });
    } finally {
      await writer.$disconnect();
    }
    expect(await searchFinds(sqliteUrl, "airship")).toEqual(["late"]);
  });

  it("continues an interrupted move where it stopped and ends with the same copy", { timeout: 240_000 }, async () => {
    const postgresUrl = newPostgresUrl();
    const first = moveDatabase({ from: source.url, to: postgresUrl, batchSize: 4, stopAfterBatches: 9, rebuildSearch });
    await expect(first).rejects.toBeInstanceOf(MoveInterrupted);
    expect(await postgresTables(postgresUrl)).toContain(STATE_TABLE);

    // A second stop, part way through another table, then the rest.
    await expect(moveDatabase({ from: source.url, to: postgresUrl, batchSize: 3, stopAfterBatches: 7, rebuildSearch })).rejects.toBeInstanceOf(MoveInterrupted);
    const lines: string[] = [];
    const rest = await moveDatabase({ from: source.url, to: postgresUrl, rebuildSearch, log: (line) => lines.push(line) });
    expect(rest.resumed).toBe(true);
    expect(lines.some((line) => line.includes("(copied before)"))).toBe(true);
    expect(rest.tables.find((t) => t.name === "Revision")?.rows).toBe(49);
    const onPostgres = createDb(postgresUrl);
    try {
      await expectSameSite(source.db, onPostgres, tables);
    } finally {
      await onPostgres.$disconnect();
    }
    expect(await postgresTables(postgresUrl)).not.toContain(STATE_TABLE);
    expect(await searchFinds(postgresUrl, "zeppelin")).toEqual(["story-0"]);

    // The other way, where SQLite's triggers are set aside in the state table while copying.
    const sqliteUrl = newSqliteUrl();
    await expect(moveDatabase({ from: postgresUrl, to: sqliteUrl, batchSize: 4, stopAfterBatches: 12, rebuildSearch })).rejects.toBeInstanceOf(MoveInterrupted);
    expect(contentTables(sqliteUrl.slice("file:".length))).toContain(STATE_TABLE);
    expect((await moveDatabase({ from: postgresUrl, to: sqliteUrl, batchSize: 4, rebuildSearch })).resumed).toBe(true);
    const onSqlite = createDb(sqliteUrl);
    try {
      await expectSameSite(source.db, onSqlite, tables, ["SitemapHubChange"]);
    } finally {
      await onSqlite.$disconnect();
    }
    expect(contentTables(sqliteUrl.slice("file:".length))).not.toContain(STATE_TABLE);
    expect(await searchFinds(sqliteUrl, "zeppelin")).toEqual(["story-0"]);
  });

  it("works out on SQLite the sitemap summaries PostgreSQL had queued", { timeout: 120_000 }, async () => {
    const onPostgres = await createTestDatabase("postgresql");
    cleanups.push(() => onPostgres.drop());
    await seedDatabase(onPostgres.db, { log: () => {} });
    const queued = await onPostgres.db.sitemapHubChange.count();
    expect(queued).toBeGreaterThan(0);
    const sqliteUrl = newSqliteUrl();
    const lines: string[] = [];
    await moveDatabase({ from: onPostgres.url, to: sqliteUrl, rebuildSearch, log: (line) => lines.push(line) });
    expect(lines).toContain(`Worked out the sitemap summaries of ${queued} tags and bylines PostgreSQL had queued (SQLite keeps them at once).`);
    const onSqlite = createDb(sqliteUrl);
    try {
      expect(await onSqlite.sitemapHubChange.count()).toBe(0);
      const tags = await onSqlite.tag.findMany({ include: { articles: true } });
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) {
        const listed = tag.articles.map((link) => link.listedAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
        expect(tag.firstListedAt, tag.slug).toEqual(listed[0]);
        expect(tag.lastListedAt, tag.slug).toEqual(listed[listed.length - 1]);
      }
      const [byline] = await onSqlite.byline.findMany();
      expect(byline.firstListedAt).not.toBeNull();
    } finally {
      await onSqlite.$disconnect();
    }
    expect(await searchFinds(sqliteUrl, "cartels")).toHaveLength(1);
  });

  it("refuses a target that holds data, and leaves it as it was", async () => {
    const occupied = await createTestDatabase("postgresql");
    cleanups.push(() => occupied.drop());
    await seedDatabase(occupied.db, { log: () => {} });
    const before = await occupied.db.article.count();
    await expect(moveDatabase({ from: source.url, to: occupied.url, rebuildSearch })).rejects.toThrow(/^refusing to move into .*: it already holds data \(\d+ tables with rows, 1 stories\)/);
    expect(await occupied.db.article.count()).toBe(before);
    expect(await postgresTables(occupied.url)).not.toContain(STATE_TABLE);
  });

  it("refuses an unfinished move from another source", async () => {
    const postgresUrl = newPostgresUrl();
    await expect(moveDatabase({ from: source.url, to: postgresUrl, stopAfterBatches: 1, rebuildSearch })).rejects.toBeInstanceOf(MoveInterrupted);
    const other = await createTestDatabase("sqlite");
    cleanups.push(() => other.drop());
    await expect(moveDatabase({ from: other.url, to: postgresUrl, rebuildSearch })).rejects.toThrow(/holds an unfinished move from file:.*test\.db, not from file:/);
  });

  it("answers bad input with one line and changes nothing", async () => {
    const missing = newSqliteUrl();
    const cases: [Partial<MoveOptions>, RegExp][] = [
      [{ to: "postgresql://postgres@127.0.0.1:1/nowhere" }, /^cannot reach the PostgreSQL database 127\.0\.0\.1:1\/nowhere \(ECONNREFUSED\)$/],
      [{ to: "mysql://localhost/db" }, /^--to: .*must start with file: \(SQLite\) or postgresql:\/\//],
      [{ to: "" }, /^say where to move to/],
      [{ to: missing }, /^both databases are SQLite: db:move copies between engines/],
      [{ from: `${missing}-absent`, to: newPostgresUrl() }, /^there is no database at .*moved\.db-absent to move$/],
      [{ to: newPostgresUrl(), batchSize: 0 }, /^the batch size must be a whole number/],
    ];
    for (const [options, message] of cases) {
      const error = await moveDatabase({ from: source.url, to: "", rebuildSearch, ...options }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message, JSON.stringify(options)).toMatch(message);
      expect(error?.message).not.toContain("\n");
    }
  });

  it("the command answers an unknown option with one line and a non-zero exit", () => {
    const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/db-move.ts", "--bogus"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: source.url } });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^npm run db:move: Unknown option '--bogus'\. usage: npm run db:move -- --to/);
  });
});
