// The hostile-input suite at the data layer (issue #8 §5), on SQLite and PostgreSQL: every input in
// e2e/support/hostile-inputs.ts goes through the same server action a form would call (zod schema, then the DAL),
// into every field that takes text. For each input: no unexpected failure (the action's "Something went wrong" is
// this layer's 5xx), a refusal names the field and changes nothing, and what is accepted renders without live
// markup and keeps every feed and sitemap well-formed under libxml2's strict parser (xmllint).
// Declared here and run by hostile.sqlite.test.ts and hostile.postgresql.test.ts, one engine each: it is the longest
// suite by far, and as two files Vitest's two workers run the engines side by side. Each input goes through both
// engines' storage, refusals, publishing, reader queries and search; the feeds and sitemaps that carry each input are
// rendered and parsed per input on SQLite only (they are made from the values read back, the same on both engines),
// and on PostgreSQL once for the whole site after every input. That halves the PostgreSQL file's time on CI, where
// every test is CPU-bound.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine, type Engine } from "@/lib/testing/databases";
import { xmlProblem } from "@/lib/testing/xml-strict";
import type { ActionState } from "@/lib/actions/result";
import {
  HOSTILE_QUERIES,
  HOSTILE_TEXTS,
  HOSTILE_UPLOADS,
  MARKDOWN_BOMBS,
  OVER_LIMIT,
  SLOW_MARKDOWN_BOMB,
  TINY_PNG,
  assertUniqueNames,
  hostileOfLength,
  type HostileText,
} from "@/e2e/support/hostile-inputs";

const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "breakingon-hostile-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.66" }), cookies: async () => ({ get: () => undefined }) }));
// The create-story action redirects; this suite does not use it, but its module graph must load.
vi.mock("next/navigation", () => ({ redirect: () => undefined, notFound: () => undefined }));
// The media actions also refresh the library's own pages, which the shared next/cache stub does not cover.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => undefined }));

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const { saveStoryAction } = await import("@/lib/actions/stories/save-story");
const { transitionStoryAction } = await import("@/lib/actions/stories/transition-story");
const { addCorrectionAction } = await import("@/lib/actions/stories/add-correction");
const { createSectionAction } = await import("@/lib/actions/sections/create-section");
const { createTagAction } = await import("@/lib/actions/tags/create-tag");
const { createBylineAction } = await import("@/lib/actions/bylines/create-byline");
const { updateSettingsAction } = await import("@/lib/actions/settings/update-settings");
const { updateMediaAction } = await import("@/lib/actions/media/update");
const { uploadMediaAction } = await import("@/lib/actions/media/upload");
const { changeCoverageAction } = await import("@/lib/actions/live/change-coverage");
const { postLiveEntryAction } = await import("@/lib/actions/live/post-entry");
const { correctLiveEntryAction } = await import("@/lib/actions/live/correct-entry");
const { deleteLiveEntryAction } = await import("@/lib/actions/live/delete-entry");
const { getLiveCoverage, getLiveUpdates } = await import("./live-entries");
const { cleanText } = await import("@/lib/validation/clean-input");
const { createStory, getStoryForEdit } = await import("./stories");
const { getPublishedArticle, getTagPage, getSectionPage, getAuthorPage } = await import("./articles");
const { searchArticles } = await import("./search");
const { getNewsSitemap } = await import("./sitemaps");
const routes = await import("@/lib/seo/routes");
const { newsSitemapXml } = await import("@/lib/seo/sitemaps");
const { env } = await import("@/lib/env");

assertUniqueNames(HOSTILE_TEXTS);
assertUniqueNames(MARKDOWN_BOMBS);
assertUniqueNames(HOSTILE_QUERIES);
assertUniqueNames(HOSTILE_UPLOADS);

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by every input

/** libxml2's parser, no network, no entity expansion: the strict reading a feed reader or search engine does. */
function expectStrictXml(xml: string, what: string): void {
  expect(xmlProblem(xml), `${what} is not well-formed XML`).toBeNull();
}

/** Live markup in rendered HTML: script-capable elements, event handlers, script URLs. Text is escaped, so `<` in text never matches. */
function dangerousHtml(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|button|textarea|select|frame|frameset|applet|marquee|details|video|audio|source|noscript|template)\b/gi)) found.push(`<${m[1]}>`);
  for (const m of html.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)) found.push(`${m[1]}=`);
  for (const m of html.matchAll(/\s(href|src|action|formaction|xlink:href|srcdoc|data)\s*=\s*["']?\s*(javascript|vbscript|data|livescript):/gi)) found.push(`${m[1]}=${m[2]}:`);
  for (const m of html.matchAll(/<[a-z][^>]*?\sstyle\s*=/gi)) found.push(m[0]);
  return found;
}

/** The server action answered; "Something went wrong" is an unexpected error (a 5xx to the user). */
function expectHandled(result: ActionState<unknown>, what: string): asserts result is NonNullable<ActionState<unknown>> {
  expect(result, what).not.toBeNull();
  if (!result!.ok) expect(result!.message ?? "", `${what}: unexpected failure instead of a clear answer`).not.toMatch(/something went wrong/i);
}

function expectRefusedOn(result: ActionState<unknown>, field: string, what: string) {
  expectHandled(result, what);
  expect(result!.ok, `${what} was accepted`).toBe(false);
  // Nested input (the editor's save sends its fields under "fields") is still reported under the field's own name.
  if (!result!.ok) expect(Object.keys(result!.fieldErrors ?? {}), `${what}: the refusal names the field`).toContain(field);
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const request = (path: string) => new Request(new URL(path, env.SITE_URL));

async function feedText(kind: "section" | "author", slug: string, format: "rss" | "atom"): Promise<string | null> {
  const handler = routes.scopedFeedHandler(kind, format);
  const response = await handler(request(`/feeds/${kind}s/${slug}/${format}.xml`), params({ slug }));
  expect(response.status, `/feeds/${kind}s/${slug}/${format}.xml`).toBeLessThan(500);
  return response.status === 200 ? response.text() : null;
}

/** Per-input feed and sitemap rendering (see the top): on for the SQLite run, off for the PostgreSQL one. */
let perInputXml = true;

async function expectScopedFeedsParse(kind: "section" | "author", slug: string, what: string) {
  if (!perInputXml) return;
  for (const format of ["rss", "atom"] as const) {
    const xml = await feedText(kind, slug, format);
    if (xml !== null) expectStrictXml(xml, `${what}: ${kind} ${format} feed`);
  }
}

async function expectSiteXmlParses(what: string) {
  for (const format of ["rss", "atom"] as const) {
    const file = `${format}.xml`;
    const response = await routes.siteFeedHandler(request(`/feeds/${file}`), params({ file }));
    expect(response.status).toBe(200);
    expectStrictXml(await response.text(), `${what}: site ${format} feed`);
  }
  expectStrictXml(await (await routes.sitemapFileHandler(request("/sitemap.xml"), params({ file: "index.xml" }))).text(), `${what}: sitemap index`);
  for (const file of ["articles-1.xml", "pages-1.xml"]) {
    const response = await routes.sitemapFileHandler(request(`/sitemaps/${file}`), params({ file }));
    expect(response.status, file).toBeLessThan(500);
    if (response.status === 200) expectStrictXml(await response.text(), `${what}: /sitemaps/${file}`);
  }
  expectStrictXml(await (await routes.sitemapFileHandler(request("/news-sitemap.xml"), params({ file: "news.xml" }))).text(), `${what}: news sitemap`);
}

/** The news sitemap as it would be written with only this story in it (it carries the headline). */
async function expectNewsSitemapEntryParses(slug: string, what: string) {
  if (!perInputXml) return;
  const { publication, entries } = await getNewsSitemap();
  const mine = entries.filter((e) => JSON.stringify(e).includes(slug));
  expectStrictXml(newsSitemapXml(mine, publication, env.SITE_URL), `${what}: news sitemap entry`);
}

const tagFits = (value: string) => value.trim().length >= 1 && value.length <= 60;

/** The live endpoint's answer goes out as JSON: it must come back from JSON unchanged. */
function expectJsonRoundTrip(value: unknown, what: string) {
  expect(JSON.parse(JSON.stringify(value)), `${what} is not JSON-serialisable as it stands`).toEqual(value);
}

/** Inputs whose hostile text also goes into a correction note on a live entry (a few of each family are enough). */
const LIVE_CORRECTION_INPUTS = ["script tag", "script breakout (JSON-LD)", "lone ampersand", "every C0 control", "right-to-left override", "only spaces"];

// ---------------------------------------------------------------------------------------------------------------

export function hostileInputSuite(engine: Engine) {
  perInputXml = engine === "sqlite";
  describeEachEngine("hostile input", (database) => {
    const ids = { owner: "", section: "", mediaId: "", mediaStorySlug: "", liveStory: "" };
    let counter = 0;
    const unique = (prefix: string) => `${prefix}-${++counter}`;

    /** A draft with its own byline (so its author feed holds only this story), ready for hostile fields. */
    async function draftWithOwnByline(label: string) {
      const { db } = database();
      const slug = unique("desk");
      const byline = await db.byline.create({ data: { slug, name: `Desk ${label}` }, select: { id: true, slug: true } });
      const { id } = await createStory({ headline: `Draft ${counter}` });
      const story = (await getStoryForEdit(id))!;
      return { id, story, byline };
    }

    function fieldsOf(story: NonNullable<Awaited<ReturnType<typeof getStoryForEdit>>>, changes: Record<string, unknown>) {
      return {
        ...story.fields,
        sectionId: story.fields.sectionId ?? "",
        heroMediaId: story.fields.heroMediaId ?? "",
        seoTitle: story.fields.seoTitle ?? "",
        seoDescription: story.fields.seoDescription ?? "",
        breakingUntil: story.fields.breakingUntil?.toISOString() ?? "",
        ...changes,
      };
    }

    async function storedStory(id: string) {
      const { db } = database();
      return db.article.findUniqueOrThrow({
        where: { id },
        select: { headline: true, standfirst: true, body: true, slug: true, version: true, status: true, seoTitle: true, seoDescription: true, tags: { select: { tagId: true } } },
      });
    }

    /** Saves the fields through the editor's action; refused → unchanged; accepted → published and checked everywhere. */
    async function saveAndPublish(input: HostileText, changes: (value: string) => Record<string, unknown>, options: { sectionId?: string; extraBylines?: string[] } = {}) {
      session.userId = ids.owner;
      const { id, story, byline } = await draftWithOwnByline(input.name);
      const before = await storedStory(id);
      const saved = await saveStoryAction({
        id,
        baseVersion: story.version,
        mode: "manual",
        fields: fieldsOf(story, { bylineIds: [byline.id, ...(options.extraBylines ?? [])], sectionId: options.sectionId ?? ids.section, ...changes(input.value) }),
      });
      expectHandled(saved, `save (${input.name})`);
      if (!saved!.ok) {
        expect(Object.keys(saved!.fieldErrors ?? {}).length, `save refused without naming a field: ${saved!.message}`).toBeGreaterThan(0);
        expect(await storedStory(id), "a refused save changed the story").toEqual(before);
        return null;
      }
      const version = (saved!.data as { version: number }).version;
      const published = await transitionStoryAction({ id, baseVersion: version, to: "PUBLISHED" });
      expectHandled(published, `publish (${input.name})`);
      if (!published!.ok) {
        expect(Object.keys(published!.fieldErrors ?? {}).length, `publish refused without naming a field: ${published!.message}`).toBeGreaterThan(0);
        expect((await storedStory(id)).status).toBe("DRAFT");
        return null;
      }
      const { slug } = await storedStory(id);
      const page = await getPublishedArticle(slug);
      expect(page, "the published story has a reader page").not.toBeNull();
      expect(dangerousHtml(page!.bodyHtml), `live markup in the rendered body of ${input.name}`).toEqual([]);
      await expectScopedFeedsParse("author", byline.slug, input.name);
      await expectNewsSitemapEntryParses(slug, input.name);
      return { id, slug, byline };
    }

    beforeAll(async () => {
      const { db } = database();
      ids.owner = (await db.user.create({ data: { email: "owner@hostile.test", name: "Owner", role: "ADMIN", passwordHash: "x" }, select: { id: true } })).id;
      ids.section = (await db.section.create({ data: { slug: "world", name: "World" }, select: { id: true } })).id;
      await db.siteSettings.upsert({
        where: { id: 1 },
        create: { id: 1, name: "BreakingOn", description: "Independent news.", copyright: "© BreakingOn", feedFullContent: true },
        update: { feedFullContent: true },
      });
      // One benign published story with a hero image, so the news sitemap and feeds carry an entry from the start.
      session.userId = ids.owner;
      const upload = new FormData();
      upload.append("file", new File([TINY_PNG], "tiny.png", { type: "image/png" }));
      upload.append("alt", "A pixel");
      const uploaded = await uploadMediaAction(null, upload);
      expect(uploaded?.ok, uploaded && !uploaded.ok ? uploaded.message : "").toBe(true);
      ids.mediaId = (uploaded as { data: { id: string } }).data.id;
      const { id, story, byline } = await draftWithOwnByline("media");
      const saved = await saveStoryAction({ id, baseVersion: story.version, mode: "manual", fields: fieldsOf(story, { body: "Calm.", bylineIds: [byline.id], heroMediaId: ids.mediaId }) });
      expect(saved?.ok).toBe(true);
      const published = await transitionStoryAction({ id, baseVersion: (saved as { data: { version: number } }).data.version, to: "PUBLISHED" });
      expect(published?.ok, published && !published.ok ? published.message : "").toBe(true);
      ids.mediaStorySlug = (await storedStory(id)).slug;
      (ids as Record<string, string>).mediaByline = byline.slug;
    });

    // One published live coverage, marked live and started through the live desk's action, for the live entry inputs.
    beforeAll(async () => {
      session.userId = ids.owner;
      const { id, story, byline } = await draftWithOwnByline("live");
      const saved = await saveStoryAction({ id, baseVersion: story.version, mode: "manual", fields: fieldsOf(story, { headline: "Storm live", body: "Follow the storm.", bylineIds: [byline.id], sectionId: ids.section }) });
      expect(saved?.ok, saved && !saved.ok ? saved.message : "").toBe(true);
      const published = await transitionStoryAction({ id, baseVersion: (saved as { data: { version: number } }).data.version, to: "PUBLISHED" });
      expect(published?.ok, published && !published.ok ? published.message : "").toBe(true);
      for (const step of ["enable", "start"] as const) {
        const changed = await changeCoverageAction({ articleId: id, step });
        expect(changed?.ok, changed && !changed.ok ? changed.message : step).toBe(true);
      }
      ids.liveStory = id;
    });

    /** Posts a live entry through the composer's action: refused → a field named and nothing stored; else its id. */
    async function postLiveEntry(fields: { title: string; body: string }, what: string): Promise<string | null> {
      session.userId = ids.owner;
      const { db } = database();
      const before = await db.liveEntry.count();
      const result = await postLiveEntryAction({ articleId: ids.liveStory, fields: { ...fields, keyEvent: false, pinned: false, bylineIds: [] } });
      expectHandled(result, what);
      if (!result!.ok) {
        expect(Object.keys(result!.fieldErrors ?? {}).length, `${what}: entry refused without naming a field: ${result!.message}`).toBeGreaterThan(0);
        expect(await db.liveEntry.count(), `${what}: a refused entry was stored`).toBe(before);
        return null;
      }
      expect(await db.liveEntry.count()).toBe(before + 1);
      return (result!.data as { id: string }).id;
    }

    /** The reader's view of the coverage holds the entry, and the live endpoint's data survives JSON. */
    async function readerEntry(entryId: string, what: string) {
      const coverage = await getLiveCoverage(ids.liveStory);
      const entry = coverage.entries.find((e) => e.id === entryId);
      expect(entry, `${what}: the entry is not on the reader page`).toBeDefined();
      const updates = await getLiveUpdates(ids.liveStory);
      expect(updates, `${what}: the live endpoint answers`).not.toBeNull();
      expect(updates!.latest.map((l) => l.id)).toContain(entryId);
      expectJsonRoundTrip(updates, `${what}: live endpoint data`);
      return entry!;
    }

    // Site settings first: the site feed is then small, and each input is checked on its own.
    for (const input of HOSTILE_TEXTS) {
      it(`settings: ${input.name}`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const before = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
        const result = await updateSettingsAction(
          null,
          form({ name: input.value.trim() ? input.value : `Site ${input.name}`, description: input.value, publisherDescription: input.value, copyright: input.value, language: "en", timeZone: "UTC", feedFullContent: "on", logoMediaId: "" }),
        );
        expectHandled(result, input.name);
        if (!result!.ok) {
          expect(Object.keys(result!.fieldErrors ?? {}).length, result!.message).toBeGreaterThan(0);
          expect(await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
          return;
        }
        // The settings reach the site feeds' channel and the news sitemap's publication (sitemaps carry only URLs).
        if (!perInputXml) return;
        for (const file of ["rss.xml", "atom.xml"]) expectStrictXml(await (await routes.siteFeedHandler(request(`/feeds/${file}`), params({ file }))).text(), `site settings = ${input.name}: site ${file}`);
        expectStrictXml(await (await routes.sitemapFileHandler(request("/news-sitemap.xml"), params({ file: "news.xml" }))).text(), `site settings = ${input.name}: news sitemap`);
      });
    }

    it("settings: back to plain values", async () => {
      session.userId = ids.owner;
      const result = await updateSettingsAction(null, form({ name: "BreakingOn", description: "Independent news.", publisherDescription: "", copyright: "© BreakingOn", language: "en", timeZone: "UTC", feedFullContent: "on", logoMediaId: "" }));
      expect(result?.ok).toBe(true);
    });

    for (const input of HOSTILE_TEXTS) {
      it(`story fields, correction, and its section, tag and byline named by the input: ${input.name}`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const n = ++counter;
        const counts = async () => ({ sections: await db.section.count(), tags: await db.tag.count(), bylines: await db.byline.count() });
        const before = await counts();
        const section = await createSectionAction(null, form({ name: input.value, slug: `sec-${n}`, description: input.value }));
        expectHandled(section, `section (${input.name})`);
        const tag = await createTagAction(null, form({ name: input.value, slug: `tag-${n}` }));
        expectHandled(tag, `tag (${input.name})`);
        const byline = await createBylineAction(null, form({ name: input.value, slug: `by-${n}`, bio: input.value, userId: "" }));
        expectHandled(byline, `byline (${input.name})`);
        const after = await counts();
        expect(after.sections, "a refused section was stored").toBe(before.sections + (section!.ok ? 1 : 0));
        expect(after.tags, "a refused tag was stored").toBe(before.tags + (tag!.ok ? 1 : 0));
        expect(after.bylines, "a refused byline was stored").toBe(before.bylines + (byline!.ok ? 1 : 0));
        if (section!.ok) await expectScopedFeedsParse("section", `sec-${n}`, `empty section named ${input.name}`);

        const sectionId = section!.ok ? (await db.section.findUniqueOrThrow({ where: { slug: `sec-${n}` }, select: { id: true } })).id : ids.section;
        const extraBylines = byline!.ok ? [(await db.byline.findUniqueOrThrow({ where: { slug: `by-${n}` }, select: { id: true } })).id] : [];
        const published = await saveAndPublish(
          input,
          (value) => ({
            headline: value.trim() ? value : `Headline for ${input.name}`,
            standfirst: value,
            body: `Intro.\n\n${value}\n\nEnd.`,
            tags: tagFits(value) ? [value] : [],
            seoTitle: value.slice(0, 120),
            seoDescription: value,
          }),
          { sectionId, extraBylines },
        );
        if (!published) return;
        if (byline!.ok) {
          expect(await getAuthorPage(`by-${n}`, 1)).not.toBeNull();
          await expectScopedFeedsParse("author", `by-${n}`, `byline named ${input.name}`);
        }
        if (section!.ok) {
          expect(await getSectionPage(`sec-${n}`, 1)).not.toBeNull();
          await expectScopedFeedsParse("section", `sec-${n}`, `section named ${input.name}, with the story`);
        }
        const note = await addCorrectionAction({ id: published.id, kind: "CORRECTION", body: input.value, substantive: true });
        expectHandled(note, `correction (${input.name})`);
        const page = await getPublishedArticle(published.slug);
        expect(page).not.toBeNull();
        for (const t of page!.article.tags) expect(await getTagPage(t.slug, 1)).not.toBeNull();
      });
    }

    for (const input of HOSTILE_TEXTS) {
      it(`image alt text, caption and credit: ${input.name}`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const before = await db.media.findUniqueOrThrow({ where: { id: ids.mediaId }, select: { alt: true, caption: true, credit: true } });
        const result = await updateMediaAction(null, form({ id: ids.mediaId, alt: input.value.trim() ? input.value : "Alt", caption: input.value, credit: input.value }));
        expectHandled(result, input.name);
        if (!result!.ok) {
          expect(await db.media.findUniqueOrThrow({ where: { id: ids.mediaId }, select: { alt: true, caption: true, credit: true } })).toEqual(before);
          return;
        }
        const page = await getPublishedArticle(ids.mediaStorySlug);
        expect(page?.article.hero).toBeTruthy();
        await expectScopedFeedsParse("author", (ids as Record<string, string>).mediaByline!, `hero image details = ${input.name}`);
      });
    }

    for (const input of HOSTILE_TEXTS) {
      it(`live entry title and body: ${input.name}`, async () => {
        const entryId = await postLiveEntry({ title: input.value, body: input.value }, `live entry (${input.name})`);
        if (!entryId) return;
        const { db } = database();
        const stored = await db.liveEntry.findUniqueOrThrow({ where: { id: entryId }, select: { title: true } });
        // The title is kept as plain text (cleaned and trimmed like every field), never turned into markup.
        expect(stored.title).toBe(cleanText(input.value).trim());
        const entry = await readerEntry(entryId, input.name);
        expect(entry.title, "the reader gets the title as text").toBe(stored.title);
        expect(dangerousHtml(entry.html), `live markup in the rendered live entry of ${input.name}`).toEqual([]);
        // Deleted again through the desk's own action, so the river every later input is read with stays one entry
        // long (the reader's view renders each entry it holds: 158 kept entries made this quadratic).
        const { version } = await db.liveEntry.findUniqueOrThrow({ where: { id: entryId }, select: { version: true } });
        const removed = await deleteLiveEntryAction({ entryId, baseVersion: version });
        expect(removed?.ok, `deleting the entry of ${input.name}`).toBe(true);
        expect((await getLiveCoverage(ids.liveStory)).entries.map((e) => e.id)).not.toContain(entryId);
      });
    }

    it("a live entry title over its limit is refused and nothing is stored", async () => {
      session.userId = ids.owner;
      const { db } = database();
      const before = await db.liveEntry.count();
      expectRefusedOn(await postLiveEntryAction({ articleId: ids.liveStory, fields: { title: hostileOfLength(201), body: "Text." } }), "title", "live entry title");
      expect(await db.liveEntry.count()).toBe(before);
    });

    for (const name of LIVE_CORRECTION_INPUTS) {
      const input = HOSTILE_TEXTS.find((text) => text.name === name);
      if (!input) throw new Error(`LIVE_CORRECTION_INPUTS names an input that is not in HOSTILE_TEXTS: ${name}`);
      it(`live entry correction with a hostile body: ${input.name}`, async () => {
        const entryId = await postLiveEntry({ title: `To correct: ${input.name}`, body: "Calm words." }, `entry to correct (${input.name})`);
        expect(entryId).not.toBeNull();
        const { db } = database();
        const before = await db.correction.count({ where: { liveEntryId: entryId } });
        const note = await correctLiveEntryAction({ entryId, kind: "CORRECTION", body: input.value });
        expectHandled(note, `live correction (${input.name})`);
        if (!note!.ok) {
          expect(Object.keys(note!.fieldErrors ?? {}), `live correction (${input.name}): the refusal names the field`).toContain("body");
          expect(await db.correction.count({ where: { liveEntryId: entryId } }), "a refused correction was stored").toBe(before);
          return;
        }
        const entry = await readerEntry(entryId!, `corrected entry (${input.name})`);
        expect(entry.corrections.map((c) => c.body), "the note reaches the entry as text").toEqual([cleanText(input.value).trim()]);
        expect(dangerousHtml(entry.html)).toEqual([]);
      });
    }

    for (const bomb of MARKDOWN_BOMBS) {
      it(`Markdown bomb in the body is refused with a field error or rendered, never a failure: ${bomb.name}`, async () => {
        await saveAndPublish(bomb, (value) => ({ headline: `Bomb ${bomb.name}`, body: value }));
      });
    }

    it(`a pathological body (${SLOW_MARKDOWN_BOMB.name}) is refused or rendered in bounded time, page and feeds alike`, async () => {
      const started = performance.now();
      const published = await saveAndPublish(SLOW_MARKDOWN_BOMB, (value) => ({ headline: "Slow bomb", body: value }));
      // Save, publish, the reader page, two feeds and the news sitemap: before issue #8 each render took seconds.
      expect(performance.now() - started, "rendering is not bounded").toBeLessThan(3_000);
      if (published) {
        const again = performance.now();
        await expectScopedFeedsParse("author", published.byline.slug, "slow bomb, second feed request");
        expect(performance.now() - again, "a feed request renders the body again instead of reusing this version's HTML").toBeLessThan(1_000);
      }
    });

    // One character over each limit: refused on that field, nothing stored.
    const storyLimits: [field: string, change: Record<string, unknown>][] = [
      ["headline", { headline: hostileOfLength(OVER_LIMIT.headline) }],
      ["standfirst", { standfirst: hostileOfLength(OVER_LIMIT.standfirst) }],
      ["body", { body: hostileOfLength(OVER_LIMIT.body) }],
      ["tags", { tags: [hostileOfLength(OVER_LIMIT.tag)] }],
      ["tags", { tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }],
      ["seoTitle", { seoTitle: hostileOfLength(OVER_LIMIT.seoTitle) }],
      ["seoDescription", { seoDescription: hostileOfLength(OVER_LIMIT.seoDescription) }],
      ["bylineIds", { bylineIds: Array.from({ length: 11 }, (_, i) => `byline${i}`) }],
      ["breakingUntil", { breaking: true, breakingUntil: "+010000-01-01T00:00:00Z" }],
      ["breakingUntil", { breaking: true, breakingUntil: "not a date" }],
    ];
    for (const [field, change] of storyLimits) {
      const label = `${field} = ${JSON.stringify(Object.values(change)[Object.keys(change).length - 1]).slice(0, 40)}`;
      it(`story field over its limit is refused and nothing changes: ${label}`, async () => {
        session.userId = ids.owner;
        const { id, story } = await draftWithOwnByline(label);
        const before = await storedStory(id);
        const result = await saveStoryAction({ id, baseVersion: story.version, mode: "manual", fields: fieldsOf(story, change) });
        expectRefusedOn(result, field, label);
        expect(await storedStory(id)).toEqual(before);
      });
    }

    it("a correction note over its limit is refused and nothing changes", async () => {
      session.userId = ids.owner;
      const { db } = database();
      const story = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
      const before = await db.correction.count();
      expectRefusedOn(await addCorrectionAction({ id: story.id, kind: "CORRECTION", body: hostileOfLength(2001), substantive: true }), "body", "correction");
      expect(await db.correction.count()).toBe(before);
    });

    const formLimits: [what: string, run: () => Promise<ActionState<unknown>>, field: string][] = [
      ["section name", () => createSectionAction(null, form({ name: hostileOfLength(OVER_LIMIT.sectionName), slug: "over-1", description: "" })), "name"],
      ["section description", () => createSectionAction(null, form({ name: "Over", slug: "over-2", description: hostileOfLength(OVER_LIMIT.sectionDescription) })), "description"],
      ["tag name", () => createTagAction(null, form({ name: hostileOfLength(OVER_LIMIT.tagName), slug: "over-3" })), "name"],
      ["byline name", () => createBylineAction(null, form({ name: hostileOfLength(OVER_LIMIT.bylineName), slug: "over-4", bio: "", userId: "" })), "name"],
      ["byline bio", () => createBylineAction(null, form({ name: "Over", slug: "over-5", bio: hostileOfLength(OVER_LIMIT.bylineBio), userId: "" })), "bio"],
      ["slug with traversal", () => createTagAction(null, form({ name: "Trav", slug: "../../etc/passwd" })), "slug"],
      ["slug with percent escapes", () => createSectionAction(null, form({ name: "Pct", slug: "%2e%2e", description: "" })), "slug"],
      ["record id with SQL", () => createBylineAction(null, form({ name: "Linked", slug: "linked-1", bio: "", userId: "' OR 1=1 --" })), "userId"],
    ];
    for (const [what, run, field] of formLimits) {
      it(`taxonomy form refuses ${what} and stores nothing`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const before = [await db.section.count(), await db.tag.count(), await db.byline.count()];
        expectRefusedOn(await run(), field, what);
        expect([await db.section.count(), await db.tag.count(), await db.byline.count()]).toEqual(before);
      });
    }

    const settingsLimits: [field: string, value: string][] = [
      ["name", hostileOfLength(OVER_LIMIT.siteName)],
      ["description", hostileOfLength(OVER_LIMIT.siteDescription)],
      ["publisherDescription", hostileOfLength(OVER_LIMIT.publisherDescription)],
      ["copyright", hostileOfLength(OVER_LIMIT.copyright)],
      ["language", "en<script>"],
      ["timeZone", "../../etc/localtime"],
      ["logoMediaId", "../../etc/passwd"],
    ];
    for (const [field, value] of settingsLimits) {
      it(`settings refuse ${field} = ${JSON.stringify(value.slice(0, 24))}… and change nothing`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const before = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
        const values = { name: "BreakingOn", description: "", publisherDescription: "", copyright: "", language: "en", timeZone: "UTC", feedFullContent: "on", logoMediaId: "", [field]: value };
        expectRefusedOn(await updateSettingsAction(null, form(values)), field, field);
        expect(await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
      });
    }

    const mediaLimits: [field: string, over: number][] = [
      ["alt", OVER_LIMIT.alt],
      ["caption", OVER_LIMIT.caption],
      ["credit", OVER_LIMIT.credit],
    ];
    for (const [field, over] of mediaLimits) {
      it(`image ${field} over its limit is refused and nothing changes`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const before = await db.media.findUniqueOrThrow({ where: { id: ids.mediaId } });
        const values = { id: ids.mediaId, alt: "Alt", caption: "", credit: "", [field]: hostileOfLength(over) };
        expectRefusedOn(await updateMediaAction(null, form(values)), field, field);
        expect(await db.media.findUniqueOrThrow({ where: { id: ids.mediaId } })).toEqual(before);
      });
    }

    for (const upload of HOSTILE_UPLOADS) {
      it(`upload: ${upload.name}`, async () => {
        session.userId = ids.owner;
        const { db } = database();
        const before = await db.media.count();
        const data = new FormData();
        data.append("file", new File([upload.bytes as Uint8Array<ArrayBuffer>], upload.filename, { type: upload.mimeType }));
        data.append("alt", "Uploaded");
        const result = await uploadMediaAction(null, data);
        expectHandled(result, upload.name);
        if (upload.expect === "refuse") {
          expectRefusedOn(result, "file", upload.name);
          expect(await db.media.count(), "a refused upload was recorded").toBe(before);
          return;
        }
        if (!result!.ok) {
          expect(await db.media.count()).toBe(before);
          return;
        }
        const row = await db.media.findUniqueOrThrow({ where: { id: (result as { data: { id: string } }).data.id } });
        expect(row.originalName, "the stored name keeps no folders or control characters").not.toMatch(/[\u0000-\u001f\u007f/\\]/);
        expect(["image/png", "image/jpeg", "image/webp", "image/avif"]).toContain(row.mimeType);
      });
    }

    for (const query of HOSTILE_QUERIES) {
      it(`search: ${query.name}`, async () => {
        const results = await searchArticles(query.q);
        expect(Array.isArray(results.results)).toBe(true);
      });
    }

    it("after every input: all feeds and sitemaps parse strictly", async () => {
      await expectSiteXmlParses("the whole site");
    });
  }, [engine]);
}
