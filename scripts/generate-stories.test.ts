import { beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { getAuthorPage, getHomePage, getSectionPage, getTagPage } from "@/lib/dal/articles";
import { searchArticles } from "@/lib/dal/search";
import { loadSitemapChunkCounts, getNewsSitemap, querySitemapArticles } from "@/lib/dal/sitemaps";
import { generateStories } from "./generate-stories";

const COUNT = 200;

describeEachEngine("generate-stories", (database) => {
  const now = new Date();
  beforeAll(async () => {
    await seedDatabase(database().db, { log: () => {} });
    await generateStories(database().db, { count: COUNT, seed: 7, now, batchSize: 64 });
  });

  it("writes the requested number of published stories, each with a section, byline, tags and a revision", async () => {
    const { db } = database();
    const generated = { slug: { contains: "-7x" } };
    expect(await db.article.count({ where: { ...generated, status: "PUBLISHED" } })).toBe(COUNT);
    expect(await db.article.count({ where: { ...generated, OR: [{ sectionId: null }, { bylines: { none: {} } }, { tags: { none: {} } }, { revisions: { none: {} } }] } })).toBe(0);
    const bodies = await db.article.findMany({ where: generated, select: { body: true, publishedAt: true } });
    const words = bodies.map((b) => b.body.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(400);
    const years = new Set(bodies.map((b) => b.publishedAt!.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(5);
    expect(Math.max(...bodies.map((b) => b.publishedAt!.getTime()))).toBeLessThanOrEqual(now.getTime());
  });

  it("is found by the reader queries: home, section, tag, author, sitemaps", async () => {
    const { db } = database();
    const home = await getHomePage();
    expect(home.lead?.slug).toMatch(/-7x/);
    const tag = await db.tag.findFirstOrThrow({ where: { slug: { endsWith: "-g7-0" } }, select: { slug: true, _count: { select: { articles: true } } } });
    const tagPage = await getTagPage(tag.slug, 1);
    expect(tagPage?.articles.total).toBe(tag._count.articles);
    const byline = await db.byline.findFirstOrThrow({ where: { slug: { endsWith: "-g7-0" } }, select: { slug: true, _count: { select: { articles: true } } } });
    expect((await getAuthorPage(byline.slug, 1))?.articles.total).toBe(byline._count.articles);
    const section = await getSectionPage("world", 1);
    expect(section?.articles.total).toBeGreaterThan(0);
    const counts = await loadSitemapChunkCounts();
    expect(counts.articles).toBe(1);
    expect((await querySitemapArticles(1))?.length).toBe(COUNT + 1);
    expect((await getNewsSitemap()).entries.length).toBeGreaterThan(0);
  });

  it("is found by search (the engine's index triggers ran for every row)", async () => {
    const { db } = database();
    const story = await db.article.findFirstOrThrow({ where: { slug: { contains: "-7x" } }, orderBy: { publishedAt: "desc" }, select: { slug: true, headline: true } });
    const found = await searchArticles(story.headline, { pageSize: 50 });
    expect(found.results.map((r) => r.slug)).toContain(story.slug);
    // A topical word is in some stories, not all (each story draws its own vocabulary).
    const inflation = (await searchArticles("inflation")).total;
    expect(inflation).toBeGreaterThan(0);
    expect(inflation).toBeLessThan(COUNT / 2);
  });

  it("refuses a second run with the same seed and adds nothing", async () => {
    const { db } = database();
    const before = await db.article.count();
    await expect(generateStories(db, { count: 10, seed: 7 })).rejects.toThrow(/already in this database/);
    await expect(generateStories(db, { count: 0, seed: 8 })).rejects.toThrow(/--count must be a whole number/);
    expect(await db.article.count()).toBe(before);
  });
});

describe("generate-stories command line", () => {
  let run: (args: string[], env?: Record<string, string>) => Promise<{ code: number | null; stderr: string }>;
  beforeAll(async () => {
    const { spawn } = await import("node:child_process");
    run = (args, env = {}) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/generate-stories.ts", ...args], { env: { ...process.env, ...env } });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("exit", (code) => resolve({ code, stderr }));
      });
  });

  it("answers bad input with one clear line", async () => {
    const bad = await run(["--count", "lots"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('generate-stories: --count must be a whole number from 1 to 2000000 (got "lots")');
    const unknown = await run(["--cont", "5"]);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^generate-stories: Unknown option '--cont'/);
  });
});
