import { beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { xmlProblem } from "@/lib/testing/xml-strict";
import { tagsForArticle } from "@/lib/cache/tags";
import { buildCorrectionsFeed } from "@/lib/feeds/corrections-feed";
import { CORRECTIONS_PAGE_SIZE, getCorrectionsFeed, getCorrectionsPage } from "./corrections";

describe("the corrections tag", () => {
  it("is expired by a write that adds a note, and only then", () => {
    expect(tagsForArticle({ id: "s1", slug: "a", listed: false, notes: true })).toContain("corrections");
    expect(tagsForArticle({ id: "s1", slug: "a", listed: false })).not.toContain("corrections");
  });
});

describeEachEngine("the corrections page and feed", (database) => {
  const ids = { live: "", draft: "", trashed: "" };
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 12));

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.create({ data: { id: 1, name: "The Example", language: "en-GB" } });
    const story = (slug: string, data: { status: "PUBLISHED" | "DRAFT"; deletedAt?: Date }) =>
      db.article.create({ data: { slug, headline: `Headline <${slug}> & "quotes" ]]>`, publishedAt: day(0), ...data }, select: { id: true } });
    ids.live = (await story("live", { status: "PUBLISHED" })).id;
    ids.draft = (await story("draft", { status: "DRAFT" })).id;
    ids.trashed = (await story("trashed", { status: "PUBLISHED", deletedAt: day(1) })).id;
    // One more than a page on the live story, one each on the others (never listed).
    await db.correction.createMany({
      data: [
        ...Array.from({ length: CORRECTIONS_PAGE_SIZE + 1 }, (_, i) => ({ articleId: ids.live, kind: i % 2 ? ("UPDATE" as const) : ("CORRECTION" as const), body: `Note ${i} <b>]]></b>`, publishedAt: day(i + 1) })),
        { articleId: ids.draft, body: "Draft note", publishedAt: day(50) },
        { articleId: ids.trashed, body: "Trashed note", publishedAt: day(51) },
        { articleId: ids.live, body: "Future note", publishedAt: new Date(Date.now() + 86_400_000) },
      ],
    });
  });

  it("lists the notes on live stories, newest first, a page at a time", async () => {
    const first = await getCorrectionsPage(1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: CORRECTIONS_PAGE_SIZE + 1 });
    expect(first.items).toHaveLength(CORRECTIONS_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({ body: `Note ${CORRECTIONS_PAGE_SIZE} <b>]]></b>`, kind: "CORRECTION", article: { id: ids.live, slug: "live" } });
    expect(first.items.every((item, i) => i === 0 || item.publishedAt <= first.items[i - 1].publishedAt)).toBe(true);
    const second = await getCorrectionsPage(2);
    expect(second.items.map((item) => item.body)).toEqual(["Note 0 <b>]]></b>"]);
    expect((await getCorrectionsPage(3)).items).toEqual([]);
    expect((await getCorrectionsPage(0)).items).toEqual([]);
  });

  it("writes an RSS feed that libxml2 parses, escaping hostile headlines and notes", async () => {
    const feed = await getCorrectionsFeed();
    expect(feed.entries).toHaveLength(CORRECTIONS_PAGE_SIZE + 1);
    expect(feed.entries.some((entry) => /Draft|Trashed|Future/.test(entry.body))).toBe(false);
    const xml = buildCorrectionsFeed(feed, { siteUrl: "https://news.example" });
    expect(xmlProblem(xml)).toBeNull();
    expect(xml).toContain("<title>The Example: corrections and updates</title>");
    expect(xml).toContain("https://news.example/articles/live#corrections-heading");
    expect(xml).toContain("<language>en-GB</language>");
    expect(xmlProblem(buildCorrectionsFeed({ site: feed.site, entries: [] }, { siteUrl: "https://news.example" }))).toBeNull();
  });
});
