// Issue #9 §1: every reader page is served whole from the cache, and a write expires exactly the pages that show the
// story it changed. Two stories in different sections with different bylines: editing the words of one must leave the
// other's page, section and author page cached (served as HITs), while every page showing the edited story shows
// the new words at once. A publish and an unpublish refresh the lists they change and nothing else.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { AppServer, createAppDatabase, extraPort, signInOn } from "./support/app-server";
import { createDraft, fieldsOf, saveStory, transitionStory, type StoryRef } from "./support/stories";
import type { Db } from "../lib/db";

const PORT = extraPort(5);

interface Answer {
  status: number;
  cache: string | null;
  text: string;
}

async function read(request: APIRequestContext, url: string): Promise<Answer> {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), cache: response.headers()["x-nextjs-cache"] ?? null, text: await response.text() };
}

async function publishNew(request: APIRequestContext, server: AppServer, db: Db, slug: string, headline: string, place?: { sectionId: string; bylineId: string }) {
  const draft = await createDraft(db, slug, headline);
  if (place) {
    await db.article.update({
      where: { id: draft.id },
      data: { sectionId: place.sectionId, bylines: { deleteMany: {}, create: [{ bylineId: place.bylineId, position: 0 }] } },
    });
  }
  const saved = await saveStory(request, server, db, draft, { body: `The body of ${headline}.` });
  return transitionStory(request, server, saved, "PUBLISHED");
}

test("a write expires only the cached pages that show the story it changed", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const database = await createAppDatabase("sqlite", PORT);
  const server = new AppServer(PORT, database);
  const { db } = database;
  try {
    await server.start();
    const editor = await signInOn(browser, server, db);
    const elsewhere = await db.section.create({ data: { slug: "cache-elsewhere", name: "Elsewhere" } });
    const otherDesk = await db.byline.create({ data: { slug: "cache-other-desk", name: "Other Desk" } });

    let x: StoryRef = await publishNew(editor.request, server, db, "cache-story-x", "Harbour ferries resume sailing");
    const y = await publishNew(editor.request, server, db, "cache-story-y", "Orchard growers report record apples", { sectionId: elsewhere.id, bylineId: otherDesk.id });

    const url = (path: string) => `${server.url}${path}`;
    const pages = {
      home: "/",
      about: "/about",
      search: "/search",
      world: "/sections/world",
      worldFirstPage: "/sections/world?page=1",
      tagPage: "/tags/mexico?page=1",
      elsewhere: "/sections/cache-elsewhere",
      storyX: `/articles/${x.slug}`,
      storyY: `/articles/${y.slug}`,
      newsroomAuthor: "/authors/breakingon-newsroom",
      otherAuthor: "/authors/cache-other-desk",
      rss: "/feeds/rss.xml",
      atom: "/feeds/atom.xml",
      worldRss: "/feeds/sections/world/rss.xml",
      sitemap: "/sitemap.xml",
      sitemapArticles: "/sitemaps/articles-1.xml",
      newsSitemap: "/news-sitemap.xml",
    } as const;
    type Name = keyof typeof pages;

    // Every reader page: the first request renders it, the second is served whole from the cache.
    for (const [name, path] of Object.entries(pages)) {
      const first = await read(request, url(path));
      expect(first.status, `${name} ${path}`).toBe(200);
      const second = await read(request, url(path));
      expect(second.status, `${name} ${path}`).toBe(200);
      expect(second.cache, `${name} ${path} is served from the cache`).toBe("HIT");
    }
    // The internal addresses behind the rewrites are not pages of their own.
    for (const path of ["/fronts/home", "/sections/world/p/1"]) expect((await read(request, url(path))).status, path).toBe(404);
    // A page past the end or a page number that is not one is a 404, as before the rewrite.
    for (const path of ["/sections/world?page=9", "/sections/world?page=abc", "/authors/cache-other-desk?page=0"]) expect((await read(request, url(path))).status, path).toBe(404);

    async function expectCached(names: Name[], why: string) {
      for (const name of names) {
        const answer = await read(request, url(pages[name]));
        expect(answer.status, `${name}: ${why}`).toBe(200);
        expect(answer.cache, `${name} should still be cached: ${why}`).toBe("HIT");
      }
    }
    async function expectShows(names: Name[], text: string, why: string) {
      for (const name of names) {
        const answer = await read(request, url(pages[name]));
        expect(answer.status, `${name}: ${why}`).toBe(200);
        expect(answer.cache, `${name} was expired: ${why}`).not.toBe("HIT");
        expect(answer.text, `${name}: ${why}`).toContain(text);
      }
    }

    // 1. New words for X (same section, bylines, time): only what shows X is expired.
    const fields = await fieldsOf(db, x, {});
    x = await saveStory(editor.request, server, db, x, {}, { ...fields, headline: "Harbour ferries resume night sailings" });
    await expectShows(["storyX", "home", "world", "newsroomAuthor", "rss", "atom", "worldRss"], "Harbour ferries resume night sailings", "X's new headline");
    await expectCached(["storyY", "elsewhere", "otherAuthor", "about"], "X's words changed, and these do not show X");

    // 2. A new story in World: the front, World and the site feeds gain it; Elsewhere and Y's page do not change.
    await publishNew(editor.request, server, db, "cache-story-z", "Bridge repairs finish early");
    await expectShows(["home", "world", "rss", "worldRss"], "Bridge repairs finish early", "Z was published in World");
    await expectCached(["storyY", "elsewhere", "otherAuthor"], "Z is not in Elsewhere, nor by the other desk");

    // 3. X is unpublished: its page is a 404 and every list drops it; Y's page and section stay cached.
    x = await transitionStory(editor.request, server, x, "ARCHIVED");
    expect((await read(request, url(pages.storyX))).status).toBe(404);
    for (const name of ["home", "world", "rss", "sitemapArticles"] as const) {
      const answer = await read(request, url(pages[name]));
      expect(answer.status, name).toBe(200);
      expect(answer.text, `${name} no longer lists the unpublished story`).not.toContain(x.slug);
    }
    await expectCached(["storyY", "elsewhere", "otherAuthor"], "X left World, not Elsewhere");
    await editor.close();
  } finally {
    await server.stop("SIGTERM");
    await database.drop();
  }
});
