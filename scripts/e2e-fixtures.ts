// Extra stories for the end-to-end tests, added after the seed: a second published story with an old slug and a
// correction, a breaking story, and one story in every state readers must never see (each headline carries the
// marker word "Zebracorn" so the specs can search every page, feed and sitemap for leaks).
import { ArticleStatus, createDb } from "../lib/db";

export const HIDDEN_MARKER = "Zebracorn";
const DAY = 86_400_000;

export async function addE2eFixtures(url: string): Promise<void> {
  const db = createDb(url);
  try {
    const [politics, world, us, newsroom, mexico] = await Promise.all([
      db.section.findUniqueOrThrow({ where: { slug: "politics" } }),
      db.section.findUniqueOrThrow({ where: { slug: "world" } }),
      db.section.findUniqueOrThrow({ where: { slug: "us" } }),
      db.byline.findUniqueOrThrow({ where: { slug: "breakingon-newsroom" } }),
      db.tag.findUniqueOrThrow({ where: { slug: "mexico" } }),
    ]);
    const links = { bylines: { create: [{ bylineId: newsroom.id }] }, tags: { create: [{ tagId: mexico.id }] } };
    const body = "## What happened\n\nOfficials met on Friday.\n\n## What comes next\n\nTalks continue.\n";
    const now = Date.now();
    await db.$transaction(async (tx) => {
      const older = await tx.article.create({
        data: {
          ...links,
          slug: "mexico-expands-border-patrols-after-talks",
          headline: "Mexico Expands Border Patrols After Talks",
          standfirst: "The deployment follows a week of negotiations with U.S. officials.",
          body,
          status: ArticleStatus.PUBLISHED,
          publishedAt: new Date("2025-08-01T15:00:00Z"),
          substantiveUpdatedAt: new Date("2025-08-02T10:30:00Z"),
          sectionId: politics.id,
        },
      });
      await tx.slugRedirect.create({ data: { fromSlug: "mexico-border-patrols-first-draft", articleId: older.id } });
      await tx.correction.create({
        data: { articleId: older.id, body: "An earlier version misstated the number of troops.", publishedAt: new Date("2025-08-02T10:30:00Z") },
      });
      await tx.article.create({
        data: {
          bylines: links.bylines,
          slug: "storm-makes-landfall-on-gulf-coast",
          headline: "Storm Makes Landfall on Gulf Coast",
          standfirst: "Emergency services are responding across three states.",
          body,
          status: ArticleStatus.PUBLISHED,
          publishedAt: new Date(now - 3_600_000),
          breaking: true,
          breakingUntil: new Date(now + DAY),
          sectionId: us.id,
        },
      });
      const hidden = [
        { slug: "zebracorn-draft", status: ArticleStatus.DRAFT },
        { slug: "zebracorn-in-review", status: ArticleStatus.IN_REVIEW },
        { slug: "zebracorn-scheduled", status: ArticleStatus.SCHEDULED, scheduledAt: new Date(now + DAY) },
        { slug: "zebracorn-archived", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - DAY) },
        { slug: "zebracorn-future", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now + DAY) },
      ];
      for (const story of hidden) {
        await tx.article.create({
          data: {
            ...links,
            ...story,
            headline: `${HIDDEN_MARKER} ${story.slug} cartels Mexico`,
            standfirst: `${HIDDEN_MARKER} must never reach readers.`,
            body: `${HIDDEN_MARKER} cartels Mexico military.`,
            sectionId: world.id,
            breaking: true,
            featured: true,
          },
        });
      }
    });
  } finally {
    await db.$disconnect();
  }
}
