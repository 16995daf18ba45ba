import { beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus } from "@/lib/db";
import { STATUSES } from "@/lib/auth/permissions";
import { STORY_SORTS, storyListParams, type StoryListParams } from "@/lib/validation/story-list";
import { ForbiddenError, UnauthorizedError } from "./session";
import { getDashboard, listReviewQueue, listStories, listStoryFilterOptions } from "./story-list";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const HOUR = 3_600_000;
const signedIn = vi.mocked(getServerSession);

function signInAs(userId: string | null) {
  signedIn.mockResolvedValue(userId ? { expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null);
}

const params = (overrides: Record<string, string> = {}): StoryListParams => storyListParams.parse(overrides);

describeEachEngine("newsroom story list and dashboard", (database) => {
  const users = { admin: "", editor: "", wren: "", walt: "" };
  const base = Date.now() - 100 * HOUR;
  let slugsOf: Record<keyof typeof users | "nobody", string[]>;

  beforeAll(async () => {
    const { db } = database();
    for (const [key, role] of [["admin", "ADMIN"], ["editor", "EDITOR"], ["wren", "WRITER"], ["walt", "WRITER"]] as const) {
      const user = await db.user.create({ data: { email: `${key}@news.example`, name: `${key[0].toUpperCase()}${key.slice(1)} Person`, passwordHash: "x", role } });
      users[key] = user.id;
    }
    const world = await db.section.create({ data: { slug: "world", name: "World" } });
    const politics = await db.section.create({ data: { slug: "politics", name: "Politics", sortOrder: 1 } });
    const desk = await db.byline.create({ data: { slug: "desk", name: "News Desk" } });
    const guest = await db.byline.create({ data: { slug: "guest", name: "Guest Writer" } });
    const stories: {
      slug: string;
      headline: string;
      standfirst?: string;
      status: ArticleStatus;
      owner: keyof typeof users | "nobody";
      hoursAgo: number;
      section?: string;
      bylines?: string[];
      publishedAt?: Date;
      scheduledAt?: Date;
      breaking?: boolean;
      breakingUntil?: Date;
      editedBy?: keyof typeof users;
    }[] = [
      // Wren's own stories, in several states.
      { slug: "wren-draft", headline: "Wren drafts Mexico border story", status: ArticleStatus.DRAFT, owner: "wren", hoursAgo: 10, section: world.id, bylines: [desk.id] },
      { slug: "wren-review", headline: "Wren files on the harbour", status: ArticleStatus.IN_REVIEW, owner: "wren", hoursAgo: 30, section: politics.id, editedBy: "editor" },
      { slug: "wren-live", headline: "Wren's story is live", status: ArticleStatus.PUBLISHED, owner: "wren", hoursAgo: 50, publishedAt: new Date(base + 40 * HOUR), breaking: true, breakingUntil: new Date(Date.now() - HOUR) },
      // Walt's: a writer Wren must never see, in every state, matching every filter Wren might try.
      { slug: "walt-draft", headline: "Walt secret MEXICO draft", standfirst: "Wren must not see this", status: ArticleStatus.DRAFT, owner: "walt", hoursAgo: 1, section: world.id, bylines: [desk.id, guest.id] },
      { slug: "walt-review", headline: "Walt harbour exclusive", status: ArticleStatus.IN_REVIEW, owner: "walt", hoursAgo: 40, section: politics.id, bylines: [desk.id] },
      { slug: "walt-scheduled", headline: "Walt scheduled scoop", status: ArticleStatus.SCHEDULED, owner: "walt", hoursAgo: 5, section: world.id, scheduledAt: new Date(Date.now() + 2 * HOUR) },
      { slug: "walt-archived", headline: "Walt archived piece", status: ArticleStatus.ARCHIVED, owner: "walt", hoursAgo: 60, section: world.id, publishedAt: new Date(base) },
      { slug: "walt-future", headline: "Walt embargoed piece", status: ArticleStatus.PUBLISHED, owner: "walt", hoursAgo: 8, section: world.id, publishedAt: new Date(Date.now() + 90 * 60_000) },
      { slug: "walt-live", headline: "Walt live story", status: ArticleStatus.PUBLISHED, owner: "walt", hoursAgo: 20, section: world.id, publishedAt: new Date(base + 80 * HOUR), bylines: [desk.id], breaking: true },
      // The editor's own and a story nobody owns any more (its creator was deleted, like seeded stories).
      { slug: "editor-draft", headline: "Editor's note on the Été festival", standfirst: "Summer programme", status: ArticleStatus.DRAFT, owner: "editor", hoursAgo: 3, section: world.id },
      { slug: "editor-scheduled", headline: "Editor scheduled explainer", status: ArticleStatus.SCHEDULED, owner: "editor", hoursAgo: 4, scheduledAt: new Date(Date.now() + HOUR) },
      { slug: "orphan-draft", headline: "Orphaned Mexico draft 100% done", status: ArticleStatus.DRAFT, owner: "nobody", hoursAgo: 2, section: world.id, bylines: [desk.id] },
    ];
    slugsOf = { admin: [], editor: [], wren: [], walt: [], nobody: [] };
    for (const story of stories) {
      slugsOf[story.owner].push(story.slug);
      await db.article.create({
        data: {
          slug: story.slug,
          headline: story.headline,
          standfirst: story.standfirst ?? "",
          status: story.status,
          publishedAt: story.publishedAt,
          scheduledAt: story.scheduledAt,
          breaking: story.breaking,
          breakingUntil: story.breakingUntil,
          sectionId: story.section,
          createdById: story.owner === "nobody" ? null : users[story.owner],
          lastEditedById: story.editedBy ? users[story.editedBy] : story.owner === "nobody" ? null : users[story.owner],
          updatedAt: new Date(Date.now() - story.hoursAgo * HOUR),
          bylines: story.bylines ? { create: story.bylines.map((bylineId, position) => ({ bylineId, position })) } : undefined,
        },
      });
    }
    const waltLive = await db.article.findUniqueOrThrow({ where: { slug: "walt-live" } });
    const wrenLive = await db.article.findUniqueOrThrow({ where: { slug: "wren-live" } });
    await db.scheduledUpdate.createMany({
      data: [
        { articleId: waltLive.id, runAt: new Date(Date.now() + 30 * 60_000), changes: {}, baseVersion: 1 },
        { articleId: wrenLive.id, runAt: new Date(Date.now() + 3 * HOUR), changes: {}, baseVersion: 1 },
        { articleId: wrenLive.id, runAt: new Date(Date.now() - HOUR), changes: {}, baseVersion: 1, appliedAt: new Date() },
      ],
    });
  });

  it("refuses anyone not signed in", async () => {
    signInAs(null);
    await expect(listStories(params())).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(getDashboard()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(listStoryFilterOptions()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("shows editors and admins every story, most recently updated first, as DTOs", async () => {
    for (const who of ["editor", "admin"] as const) {
      signInAs(users[who]);
      const page = await listStories(params());
      expect(page.total).toBe(12);
      expect(page.items.map((s) => s.slug).slice(0, 3)).toEqual(["walt-draft", "orphan-draft", "editor-draft"]);
    }
    const [review] = (await listStories(params({ q: "wren files" }))).items;
    expect(review).toEqual({
      id: expect.any(String),
      headline: "Wren files on the harbour",
      slug: "wren-review",
      status: "IN_REVIEW",
      section: "Politics",
      bylines: [],
      author: "Wren Person",
      updatedAt: expect.any(Date),
      publishedAt: null,
      scheduledAt: null,
      lastEditedBy: "Editor Person",
      breaking: false,
      featured: false,
    });
    const [walt] = (await listStories(params({ q: "walt-draft" }))).items;
    expect(walt.bylines).toEqual(["News Desk", "Guest Writer"]);
  });

  it("shows a writer only the stories they created, through every filter, sort and search", async () => {
    signInAs(users.wren);
    const all = await listStories(params());
    expect(all.items.map((s) => s.slug).sort()).toEqual([...slugsOf.wren].sort());
    expect(all.total).toBe(3);
    const attempts: Record<string, string>[] = [
      ...["all", ...STATUSES].map((status) => ({ status })),
      { section: "world" },
      { section: "politics" },
      { byline: "desk" },
      { byline: "guest" },
      { mine: "1" },
      ...["mexico", "MEXICO", "walt", "harbour", "secret", "Wren must not", "walt-draft", "draft", "scoop", "Été", "100%", "%", "_", "e"].map((q) => ({ q })),
      ...STORY_SORTS.map((sort) => ({ sort })),
      { status: "draft", section: "world", byline: "desk", q: "mexico" },
    ];
    for (const attempt of attempts) {
      const page = await listStories(params(attempt));
      for (const item of page.items) expect(slugsOf.wren, JSON.stringify(attempt)).toContain(item.slug);
      expect(page.total, JSON.stringify(attempt)).toBe(page.items.length);
    }
    expect((await listStories(params({ q: "mexico" }))).items.map((s) => s.slug)).toEqual(["wren-draft"]);
    expect((await listStories(params({ status: "draft" }))).items.map((s) => s.slug)).toEqual(["wren-draft"]);
    expect((await listStories(params({ q: "harbour" }))).items.map((s) => s.slug)).toEqual(["wren-review"]);
  });

  it("filters by status, section, byline and 'my stories'", async () => {
    signInAs(users.editor);
    const slugs = async (filters: Record<string, string>) => (await listStories(params(filters))).items.map((s) => s.slug).sort();
    expect(await slugs({ status: "draft" })).toEqual(["editor-draft", "orphan-draft", "walt-draft", "wren-draft"]);
    expect(await slugs({ status: "in-review" })).toEqual(["walt-review", "wren-review"]);
    expect(await slugs({ status: "scheduled" })).toEqual(["editor-scheduled", "walt-scheduled"]);
    expect(await slugs({ status: "archived" })).toEqual(["walt-archived"]);
    expect(await slugs({ section: "politics" })).toEqual(["walt-review", "wren-review"]);
    expect(await slugs({ byline: "guest" })).toEqual(["walt-draft"]);
    expect(await slugs({ byline: "desk", status: "draft" })).toEqual(["orphan-draft", "walt-draft", "wren-draft"]);
    expect(await slugs({ mine: "1" })).toEqual(["editor-draft", "editor-scheduled"]);
    expect(await slugs({ section: "no-such-section" })).toEqual([]);
  });

  it("searches headline, standfirst and slug, word by word, without regard to case on either engine", async () => {
    signInAs(users.editor);
    const slugs = async (q: string) => (await listStories(params({ q }))).items.map((s) => s.slug).sort();
    const mexico = ["orphan-draft", "walt-draft", "wren-draft"];
    expect(await slugs("mexico")).toEqual(mexico);
    expect(await slugs("MEXICO")).toEqual(mexico);
    expect(await slugs("mex")).toEqual(mexico);
    expect(await slugs("MeXiCo BoRdEr")).toEqual(["wren-draft"]);
    expect(await slugs("border mexico")).toEqual(["wren-draft"]);
    expect(await slugs("SUMMER PROGRAMME")).toEqual(["editor-draft"]);
    expect(await slugs("Walt-Archived")).toEqual(["walt-archived"]);
    expect(await slugs("walt archived")).toEqual(["walt-archived"]);
    // Beyond ASCII, where SQLite's LIKE (and a C-locale PostgreSQL) would otherwise compare case exactly.
    expect(await slugs("été")).toEqual(["editor-draft"]);
    expect(await slugs("ÉTÉ festival")).toEqual(["editor-draft"]);
    // LIKE's wildcards are punctuation, never patterns.
    expect(await slugs("100%")).toEqual(["orphan-draft"]);
    expect(await slugs("%")).toEqual([]);
    expect(await slugs("_")).toEqual([]);
    expect(await slugs("nothing like this")).toEqual([]);
  });

  it("sorts and pages, and a page past the end is empty rather than an error", async () => {
    signInAs(users.editor);
    const order = async (sort: string) => (await listStories(params({ sort }))).items.map((s) => s.slug);
    expect((await order("updated-asc")).slice(0, 2)).toEqual(["walt-archived", "wren-live"]);
    expect((await order("published-desc")).slice(0, 4)).toEqual(["walt-future", "walt-live", "wren-live", "walt-archived"]);
    expect((await order("scheduled-asc")).slice(0, 2)).toEqual(["editor-scheduled", "walt-scheduled"]);
    const byHeadline = await listStories(params({ sort: "headline-asc" }));
    const headlines = byHeadline.items.map((s) => s.headline);
    expect(headlines).toEqual([...headlines].sort());

    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await listStories(params({ page: String(page) }), { pageSize: 3 });
      expect(result).toMatchObject({ page, pageCount: 4, total: 12 });
      seen.push(...result.items.map((s) => s.slug));
    }
    expect(new Set(seen).size).toBe(12);
    expect(await listStories(params({ page: "9" }), { pageSize: 3 })).toEqual({ items: [], page: 9, pageCount: 4, total: 12 });
  });

  it("counts, queues and schedules on the dashboard for editors", async () => {
    signInAs(users.editor);
    const dashboard = await getDashboard();
    expect(dashboard.counts).toEqual({ DRAFT: 4, IN_REVIEW: 2, SCHEDULED: 2, PUBLISHED: 3, ARCHIVED: 1 });
    expect(dashboard.total).toBe(12);
    expect(dashboard.reviews).toBe(true);
    expect(dashboard.reviewQueue.map((s) => s.slug)).toEqual(["walt-review", "wren-review"]);
    expect(dashboard.mine.map((s) => s.slug)).toEqual(["editor-draft", "editor-scheduled"]);
    expect(dashboard.recentlyPublished.map((s) => [s.slug, s.breaking])).toEqual([
      ["walt-live", true],
      ["wren-live", false],
    ]);
    expect(dashboard.scheduled.map((e) => [e.kind, e.headline])).toEqual([
      ["update", "Walt live story"],
      ["publish", "Editor scheduled explainer"],
      ["publish", "Walt embargoed piece"],
      ["publish", "Walt scheduled scoop"],
      ["update", "Wren's story is live"],
    ]);
  });

  it("scopes a writer's dashboard to their own stories and gives them no review queue", async () => {
    signInAs(users.wren);
    const dashboard = await getDashboard();
    expect(dashboard.counts).toEqual({ DRAFT: 1, IN_REVIEW: 1, SCHEDULED: 0, PUBLISHED: 1, ARCHIVED: 0 });
    expect(dashboard.total).toBe(3);
    expect(dashboard.reviews).toBe(false);
    expect(dashboard.reviewQueue).toEqual([]);
    expect(dashboard.mine.map((s) => s.slug)).toEqual(["wren-draft", "wren-review", "wren-live"]);
    expect(dashboard.recentlyPublished.map((s) => s.slug)).toEqual(["wren-live"]);
    expect(dashboard.scheduled.map((e) => [e.kind, e.headline])).toEqual([["update", "Wren's story is live"]]);
    const everything = JSON.stringify(dashboard);
    expect(everything).not.toMatch(/walt|Walt|orphan|Orphan|Editor's note|Editor scheduled/);
  });

  it("opens the full review queue to editors only, logging a writer's attempt", async () => {
    signInAs(users.editor);
    expect((await listReviewQueue()).map((s) => [s.slug, s.author])).toEqual([
      ["walt-review", "Walt Person"],
      ["wren-review", "Wren Person"],
    ]);
    signInAs(users.wren);
    await expect(listReviewQueue()).rejects.toBeInstanceOf(ForbiddenError);
    const { db } = database();
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: users.wren } })).toBe(1);
  });

  it("offers every section and byline as a filter", async () => {
    signInAs(users.walt);
    expect(await listStoryFilterOptions()).toEqual({
      sections: [{ slug: "world", name: "World" }, { slug: "politics", name: "Politics" }],
      bylines: [{ slug: "guest", name: "Guest Writer" }, { slug: "desk", name: "News Desk" }],
    });
  });
});
