// A tag or author page (and an author's feeds) exists only while a published story carries the tag or byline: one
// used only on drafts, stories in review, scheduled, archived or future-dated stories would give them away.
// Sections are in the navigation, so an empty one keeps its page.
import { expect, test } from "@playwright/test";
import { e2eDb, HIDDEN_SLUGS } from "./support/site";

const RUN = Date.now().toString(36);

test("tags and bylines used only on unpublished stories have no page or feed; empty sections keep theirs", async ({ request }) => {
  const db = e2eDb();
  try {
    const hidden = await db.article.findMany({ where: { slug: { in: HIDDEN_SLUGS } }, select: { id: true } });
    expect(hidden).toHaveLength(HIDDEN_SLUGS.length);
    // Fresh slugs, so no earlier request has cached an answer for them.
    const secretTag = await db.tag.create({ data: { slug: `embargoed-topic-${RUN}`, name: "Embargoed topic" } });
    const secretByline = await db.byline.create({ data: { slug: `undercover-${RUN}`, name: "Undercover Reporter" } });
    await db.byline.create({ data: { slug: `new-hire-${RUN}`, name: "New Hire" } });
    await db.section.create({ data: { slug: `empty-desk-${RUN}`, name: `Empty desk ${RUN}`, sortOrder: 99 } });
    for (const { id } of hidden) {
      await db.articleTag.create({ data: { articleId: id, tagId: secretTag.id } });
      await db.articleByline.create({ data: { articleId: id, bylineId: secretByline.id, position: 5 } });
    }
  } finally {
    await db.$disconnect();
  }

  for (const path of [
    `/tags/embargoed-topic-${RUN}`,
    `/authors/undercover-${RUN}`,
    `/authors/new-hire-${RUN}`,
    `/feeds/authors/undercover-${RUN}/rss.xml`,
    `/feeds/authors/undercover-${RUN}/atom.xml`,
    `/feeds/authors/new-hire-${RUN}/rss.xml`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toMatch(/Embargoed topic|Undercover Reporter/);
  }
  // The same routes answer for a tag and a byline on the published source story, and for an empty section.
  expect((await request.get("/tags/mexico")).status()).toBe(200);
  expect((await request.get("/authors/breakingon-newsroom")).status()).toBe(200);
  expect((await request.get("/feeds/authors/breakingon-newsroom/rss.xml")).status()).toBe(200);
  expect((await request.get(`/sections/empty-desk-${RUN}`)).status()).toBe(200);
  expect((await request.get(`/feeds/sections/empty-desk-${RUN}/rss.xml`)).status()).toBe(200);

  // Leave the navigation as the other specs expect it.
  const cleanup = e2eDb();
  await cleanup.section.delete({ where: { slug: `empty-desk-${RUN}` } }).finally(() => cleanup.$disconnect());
});
