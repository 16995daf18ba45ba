// The data layer's own range check on schedule times, behind the form schemas: a caller that skips validation
// still cannot store a schedule the scheduler would misread (year 10000 sorts before today as text on SQLite).
import { beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus } from "@/lib/db";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { transitionStory, scheduleUpdate } = await import("./workflow");
const { getStoryForEdit } = await import("./stories");
const { storyFieldsSchema } = await import("@/lib/validation/stories");

const YEAR_10000 = new Date("+010000-01-01T00:00:00.000Z");

describeEachEngine("schedule times are range-checked in the data layer", (database) => {
  let draftId = "";
  let liveId = "";

  beforeAll(async () => {
    const { db } = database();
    const editor = await db.user.create({ data: { email: "eddie@news.test", name: "Eddie", role: "EDITOR", passwordHash: "x" } });
    session.userId = editor.id;
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const byline = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
    const base = { headline: "Ready", standfirst: "A standfirst.", body: "Some body text.", sectionId: section.id, createdById: editor.id, bylines: { create: [{ bylineId: byline.id }] } };
    draftId = (await db.article.create({ data: { ...base, slug: "draft", status: ArticleStatus.IN_REVIEW, scheduleAttempts: 3, scheduleError: "Old failure", scheduleRetryAt: new Date(Date.now() + 3_600_000) } })).id;
    liveId = (await db.article.create({ data: { ...base, slug: "live", status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - 60_000) } })).id;
  });

  it("refuses to schedule a story for year 10000 or beyond five years, and changes nothing", async () => {
    const { db } = database();
    for (const scheduledAt of [YEAR_10000, new Date(Date.now() + 6 * 365 * 24 * 3_600_000)]) {
      const refused = await transitionStory({ id: draftId, baseVersion: 1, to: "SCHEDULED", scheduledAt }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ name: "ValidationError", fieldErrors: { scheduledAt: ["Choose a time within the next 5 years."] } });
    }
    expect(await db.article.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "IN_REVIEW", scheduledAt: null, version: 1 });
  });

  it("a new schedule clears an earlier failure and its retry wait", async () => {
    const { db } = database();
    const scheduledAt = new Date(Date.now() + 3_600_000);
    await transitionStory({ id: draftId, baseVersion: 1, to: "SCHEDULED", scheduledAt });
    expect(await db.article.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "SCHEDULED", scheduledAt, scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null });
  });

  it("refuses a scheduled update for year 10000", async () => {
    const { db } = database();
    const story = (await getStoryForEdit(liveId))!;
    const fields = storyFieldsSchema.parse({ ...story.fields, sectionId: story.fields.sectionId ?? "", heroMediaId: "", seoTitle: "", seoDescription: "", breakingUntil: "" });
    const refused = await scheduleUpdate({ id: liveId, baseVersion: story.version, fields, runAt: YEAR_10000, substantive: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "ValidationError", fieldErrors: { runAt: ["Choose a time within the next 5 years."] } });
    expect(await db.scheduledUpdate.count()).toBe(0);
  });
});
