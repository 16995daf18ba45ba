// The newsroom as the cluster test drives it: sign-in through the real form, and the same server actions the
// editor's buttons call (same ids, same encoding, same session), posted to a chosen instance.
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { Db } from "../../lib/db";
import { EDITOR, type Cluster } from "./harness";

export { BROWSER_ARGS, HEADLESS_CHROMIUM as CHROMIUM } from "../support/browsers";

/** Signs the editor in through the form on one instance; the context keeps the session cookie. */
export async function signInOn(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible({ timeout: 15_000 });
  await page.close();
  return context;
}

/** One sign-in attempt through the form from a fresh page; returns the form's alert, or "signed in". */
export async function attemptSignIn(page: Page, baseUrl: string, email: string, password: string): Promise<string> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  const newsroom = page.getByRole("navigation", { name: "Newsroom" });
  await expect(alert.or(newsroom)).toBeVisible({ timeout: 15_000 });
  if (await newsroom.isVisible()) return "signed in";
  return (await alert.textContent())?.trim() ?? "";
}

export type ActionAnswer = { ok: true; message: string; data?: Record<string, unknown> } | { ok: false; message?: string; fieldErrors?: Record<string, string[]> };

/** Calls a newsroom server action on one instance as the editor's page does, and returns its answer. */
export async function callAction(cluster: Cluster, request: APIRequestContext, baseUrl: string, page: string, name: string, input: unknown): Promise<ActionAnswer> {
  const response = await request.post(`${baseUrl}${page}`, {
    headers: { "next-action": cluster.actionId(name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseUrl },
    data: JSON.stringify([input]),
    maxRedirects: 0,
    timeout: 20_000,
  });
  const text = await response.text();
  if (response.status() !== 200) throw new Error(`${name} on ${baseUrl} answered ${response.status()}: ${text.slice(0, 300)}`);
  // The flight answer has one row per chunk ("0:{…}"); the action's return value is the row with "ok".
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    const value = JSON.parse(json) as Record<string, unknown>;
    if (typeof value.ok === "boolean") return value as ActionAnswer;
  }
  throw new Error(`${name} on ${baseUrl} answered without a result: ${text.slice(0, 300)}`);
}

export function expectOk(answer: ActionAnswer, what: string): asserts answer is Extract<ActionAnswer, { ok: true }> {
  if (!answer.ok) throw new Error(`${what} refused: ${answer.message ?? ""} ${JSON.stringify(answer.fieldErrors ?? {})}`);
}

export interface Story {
  id: string;
  slug: string;
  headline: string;
  body: string;
  version: number;
}

export const SECTION_SLUG = "world";
export const BYLINE_SLUG = "breakingon-newsroom";

/** A draft ready to go live (section, byline, tag, text), written as "New story" and the editor would leave it. */
export async function createDraft(db: Db, slug: string, headline: string, tagName: string): Promise<Story> {
  const [section, byline] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { slug: SECTION_SLUG }, select: { id: true } }),
    db.byline.findUniqueOrThrow({ where: { slug: BYLINE_SLUG }, select: { id: true } }),
  ]);
  const tagSlug = tagName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const tag = await db.tag.upsert({ where: { slug: tagSlug }, create: { slug: tagSlug, name: tagName }, update: {}, select: { id: true } });
  const body = `## The news\n\nFirst text of ${slug}.\n`;
  const story = await db.article.create({
    data: {
      slug,
      headline,
      standfirst: `Standfirst of ${headline}.`,
      body,
      sectionId: section.id,
      bylines: { create: [{ bylineId: byline.id, position: 0 }] },
      tags: { create: [{ tagId: tag.id }] },
    },
    select: { id: true, version: true },
  });
  return { id: story.id, slug, headline, body, version: story.version };
}

/** The editor's full field set for a save, with the given changes. */
async function fieldsOf(db: Db, story: Story, changes: { headline?: string; body?: string; slug?: string }) {
  const row = await db.article.findUniqueOrThrow({
    where: { id: story.id },
    select: { headline: true, standfirst: true, body: true, slug: true, sectionId: true, bylines: { select: { bylineId: true }, orderBy: { position: "asc" } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  return {
    headline: changes.headline ?? row.headline,
    standfirst: row.standfirst,
    body: changes.body ?? row.body,
    slug: changes.slug ?? row.slug,
    sectionId: row.sectionId,
    tags: row.tags.map((t) => t.tag.name),
    bylineIds: row.bylines.map((b) => b.bylineId),
    heroMediaId: null,
    seoTitle: null,
    seoDescription: null,
    breaking: false,
    breakingUntil: null,
    featured: false,
  };
}

/** The editor's manual Save ("Update live story" on a published one). */
export async function saveStory(cluster: Cluster, request: APIRequestContext, baseUrl: string, story: Story, changes: { headline?: string; body?: string; slug?: string; substantive?: boolean }): Promise<Story> {
  const fields = await fieldsOf(cluster.db, story, changes);
  const input = { id: story.id, baseVersion: story.version, mode: "manual", substantive: changes.substantive ?? false, fields };
  const answer = await callAction(cluster, request, baseUrl, `/admin/stories/${story.id}`, "saveStoryAction", input);
  expectOk(answer, `save of ${story.slug}`);
  const data = answer.data as { version: number; slug: string };
  return { ...story, headline: fields.headline, body: fields.body, slug: data.slug, version: data.version };
}

/** Publish / Schedule / Unpublish. */
export async function transitionStory(cluster: Cluster, request: APIRequestContext, baseUrl: string, story: Story, to: "PUBLISHED" | "ARCHIVED" | "SCHEDULED", scheduledAt?: Date): Promise<Story> {
  const input = { id: story.id, baseVersion: story.version, to, ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}) };
  const answer = await callAction(cluster, request, baseUrl, `/admin/stories/${story.id}`, "transitionStoryAction", input);
  expectOk(answer, `${to} of ${story.slug}`);
  return { ...story, version: (answer.data as { version: number }).version };
}

/** Publishes a correction note on a live story. */
export async function addCorrection(cluster: Cluster, request: APIRequestContext, baseUrl: string, story: Story, body: string): Promise<Story> {
  const answer = await callAction(cluster, request, baseUrl, `/admin/stories/${story.id}`, "addCorrectionAction", { id: story.id, kind: "CORRECTION", body, substantive: true });
  expectOk(answer, `correction of ${story.slug}`);
  return { ...story, version: (answer.data as { version: number }).version };
}
