// Stories written through the real newsroom actions on an extra server (e2e/support/app-server.ts): the same
// server actions the editor's Save and Publish buttons call, with the same validation, revisions and cache expiry.
import type { APIRequestContext } from "@playwright/test";
import type { Db } from "../../lib/db";
import { callAction, type ActionAnswer, type AppServer } from "./app-server";

export interface StoryRef {
  id: string;
  slug: string;
  headline: string;
  body: string;
  version: number;
  status: string;
}

/** A draft with a section and a byline, as "New story" makes it (version 1, no revision yet). */
export async function createDraft(db: Db, slug: string, headline: string): Promise<StoryRef> {
  const [section, byline] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { slug: "world" }, select: { id: true } }),
    db.byline.findUniqueOrThrow({ where: { slug: "breakingon-newsroom" }, select: { id: true } }),
  ]);
  const story = await db.article.create({
    data: { slug, headline, standfirst: "", body: "", sectionId: section.id, bylines: { create: [{ bylineId: byline.id, position: 0 }] } },
    select: { id: true, version: true, status: true },
  });
  return { id: story.id, slug, headline, body: "", version: story.version, status: story.status };
}

/** The editor's full field set for a save (the editor always sends every field). */
export async function fieldsOf(db: Db, story: StoryRef, changes: { body?: string; slug?: string }) {
  const row = await db.article.findUniqueOrThrow({
    where: { id: story.id },
    select: { headline: true, standfirst: true, sectionId: true, bylines: { select: { bylineId: true }, orderBy: { position: "asc" } } },
  });
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    body: changes.body ?? story.body,
    slug: changes.slug ?? story.slug,
    sectionId: row.sectionId,
    tags: [],
    bylineIds: row.bylines.map((b) => b.bylineId),
    heroMediaId: null,
    seoTitle: null,
    seoDescription: null,
    breaking: false,
    breakingUntil: null,
    featured: false,
  };
}

function expectOk(answer: ActionAnswer, what: string): asserts answer is Extract<ActionAnswer, { ok: true }> {
  if (!answer.ok) throw new Error(`${what} refused: ${answer.message ?? ""} ${JSON.stringify(answer.fieldErrors ?? {})}`);
}

/** Save (the editor's manual Save / "Update live story"); updates the ref from the answer. */
export async function saveStory(
  request: APIRequestContext,
  server: AppServer,
  db: Db,
  story: StoryRef,
  changes: { body?: string; slug?: string; substantive?: boolean },
  fields?: Awaited<ReturnType<typeof fieldsOf>>,
): Promise<StoryRef> {
  const input = { id: story.id, baseVersion: story.version, mode: "manual", substantive: changes.substantive ?? false, fields: fields ?? (await fieldsOf(db, story, changes)) };
  const answer = await callAction(request, server, `/admin/stories/${story.id}`, "saveStoryAction", input);
  expectOk(answer, `save of ${story.slug}`);
  const data = answer.data as { version: number; slug: string; status: string };
  return { ...story, body: input.fields.body, slug: data.slug, version: data.version, status: data.status };
}

/** Publish / Unpublish / Move to draft. */
export async function transitionStory(request: APIRequestContext, server: AppServer, story: StoryRef, to: "PUBLISHED" | "ARCHIVED" | "DRAFT"): Promise<StoryRef> {
  const answer = await callAction(request, server, `/admin/stories/${story.id}`, "transitionStoryAction", { id: story.id, baseVersion: story.version, to });
  expectOk(answer, `${to} of ${story.slug}`);
  const data = answer.data as { version: number; status: string };
  return { ...story, version: data.version, status: data.status };
}
