import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { describeEachEngine } from "../../lib/testing/databases";
import { StoryParseError } from "../../lib/content/parse-story";
import { NEWSROOM_BYLINE, STARTER_SECTIONS, seedDatabase } from "./seed-database";

const SLUG = "trump-administration-considers-military-action-against-mexican-drug-cartels";

async function counts(db: ReturnType<typeof import("../../lib/db").createDb>) {
  const [settings, sections, bylines, tags, articles, revisions] = await Promise.all([
    db.siteSettings.count(),
    db.section.count(),
    db.byline.count(),
    db.tag.count(),
    db.article.count(),
    db.revision.count(),
  ]);
  return { settings, sections, bylines, tags, articles, revisions };
}

describeEachEngine("seedDatabase", (database) => {
  it("refuses a source that does not parse and writes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "seed-"));
    const bad = path.join(dir, "bad.txt");
    writeFileSync(bad, "not a story\n");
    await expect(seedDatabase(database().db, { source: bad, log: () => {} })).rejects.toThrow(StoryParseError);
    expect(await counts(database().db)).toEqual({ settings: 0, sections: 0, bylines: 0, tags: 0, articles: 0, revisions: 0 });
  });

  it("rolls back everything when a step fails midway", async () => {
    const failing = (line: string) => {
      if (line.startsWith("created article")) throw new Error("disk full");
    };
    await expect(seedDatabase(database().db, { log: failing })).rejects.toThrow("disk full");
    expect(await counts(database().db)).toEqual({ settings: 0, sections: 0, bylines: 0, tags: 0, articles: 0, revisions: 0 });
  });

  it("loads settings, sections, the newsroom byline and the published source article", async () => {
    const lines: string[] = [];
    await seedDatabase(database().db, { log: (line) => lines.push(line) });
    const { db } = database();

    expect(lines.every((l) => l.startsWith("created "))).toBe(true);
    expect(lines).toContain('created article "Trump Administration Considers Military Action Against Mexican Drug Cartels"');

    const settings = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.name).toBe("BreakingOn");
    expect(settings.copyright).toBe("© Copyright 2025 BreakingOn. All rights reserved.");
    expect(settings.publisherDescription).toMatch(/^Breakingon\.com is an independent news platform/);
    expect(settings.description).toBe(
      "Breakingon.com is an independent news platform that delivers the latest news, trends, and analyses quickly and objectively.",
    );

    const sections = await db.section.findMany({ orderBy: { sortOrder: "asc" } });
    expect(sections.map((s) => s.name)).toEqual(STARTER_SECTIONS.map((s) => s.name));
    expect(sections.map((s) => s.name)).toEqual(["World", "Politics", "U.S.", "Business", "Technology", "Opinion"]);

    const article = await db.article.findUniqueOrThrow({
      where: { slug: SLUG },
      include: { section: true, tags: { include: { tag: true } }, bylines: { include: { byline: true } } },
    });
    expect(article.status).toBe("PUBLISHED");
    expect(article.publishedAt?.toISOString()).toBe("2025-08-09T12:00:00.000Z");
    expect(article.section?.slug).toBe("world");
    expect(article.bylines.map((b) => b.byline.name)).toEqual([NEWSROOM_BYLINE.name]);
    expect(article.tags.map((t) => t.tag.name).sort()).toEqual(
      ["Claudia Sheinbaum", "Donald Trump", "Drug Cartels", "Fentanyl", "Mexico", "U.S. Military"],
    );
    expect(article.body.match(/^## /gm)).toHaveLength(7);
    expect(article.body).not.toContain("Breakingon.com");
    expect(await db.revision.count({ where: { articleId: article.id } })).toBe(1);
    expect(await db.user.count()).toBe(0);
  });

  it("creates About, published, from the publisher statement, and the other site pages as drafts", async () => {
    const { db } = database();
    const pages = await db.page.findMany({ orderBy: { slug: "asc" }, select: { slug: true, title: true, body: true, status: true } });
    expect(pages.map((p) => [p.slug, p.status])).toEqual([
      ["about", "PUBLISHED"],
      ["contact", "DRAFT"],
      ["corrections-policy", "DRAFT"],
      ["ethics-policy", "DRAFT"],
      ["masthead", "DRAFT"],
      ["ownership-funding", "DRAFT"],
      ["privacy", "DRAFT"],
    ]);
    const about = pages.find((p) => p.slug === "about")!;
    expect(about.title).toBe("About BreakingOn");
    expect(about.body).toMatch(/^Breakingon\.com is an independent news platform/);
    expect(await db.pageRevision.count()).toBe(7);
  });

  it("is idempotent: a second run finds everything and changes nothing", async () => {
    const { db } = database();
    const before = await counts(db);
    const articleBefore = await db.article.findUniqueOrThrow({ where: { slug: SLUG } });
    const lines: string[] = [];
    await seedDatabase(db, { log: (line) => lines.push(line) });
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((l) => l.startsWith("found "))).toBe(true);
    expect(await counts(db)).toEqual(before);
    expect(await db.article.findUniqueOrThrow({ where: { slug: SLUG } })).toEqual(articleBefore);
    expect(await db.page.count()).toBe(7);
    expect(await db.pageRevision.count()).toBe(7);
  });
});
