import "server-only";
import { randomUUID } from "node:crypto";
import { distributionTargets, isLiveStory, queueDeliveries, storyForAnnouncement, type AnnouncedStory, type DistributionTx } from "@/lib/dal/webhooks";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { feedPath, jsonFeedPath, type FeedScope } from "@/lib/seo/feeds";
import { absoluteUrl, articlePath, authorPath, sectionPath } from "@/lib/seo/urls";
import { DELIVERY_MAX_ATTEMPTS, WEBSUB_PING_JOB, type WebhookEvent } from "./names";
import "./jobs";

// Distribution the moment a story changes for readers (#12 §4). The write paths call `announce` inside their
// transaction; it only adds rows (a WebSub ping job, one delivery and its job per subscribed endpoint), so the
// events exist exactly when the write commits and a slow or broken receiver never slows or fails the save: the jobs
// (lib/distribution/jobs.ts) do the network work afterwards, with retries.

type StoryState = { status: string; substantiveUpdatedAt: Date | null };
const LIVE = "PUBLISHED";

/**
 * Which event a story write is, from the story before and after it: published (became live), unpublished (was live
 * and is not, or went to the trash), corrected (a correction or update note on a live story), updated (a live story's
 * substantive update time moved). Anything else (a draft's save, a typo fix) announces nothing.
 */
export function storyEventOf(before: StoryState, after: StoryState, { trashed = false, noted = false }: { trashed?: boolean; noted?: boolean } = {}): WebhookEvent | null {
  const wasLive = before.status === LIVE;
  const isLive = after.status === LIVE && !trashed;
  if (!wasLive && isLive) return "story.published";
  if (wasLive && !isLive) return "story.unpublished";
  if (!isLive) return null;
  if (noted) return "story.corrected";
  if ((after.substantiveUpdatedAt?.getTime() ?? null) !== (before.substantiveUpdatedAt?.getTime() ?? null)) return "story.updated";
  return null;
}

/** The feeds a story is in: the site's, its section's and each author's, in every format (WebSub topics). */
export function feedTopics(story: Pick<AnnouncedStory, "section" | "bylines">, siteUrl: string = env.SITE_URL): string[] {
  const scopes: FeedScope[] = [
    { kind: "site" },
    ...(story.section ? [{ kind: "section" as const, slug: story.section.slug }] : []),
    ...story.bylines.map((b) => ({ kind: "author" as const, slug: b.byline.slug })),
  ];
  return scopes.flatMap((scope) => [feedPath(scope, "rss"), feedPath(scope, "atom"), jsonFeedPath(scope)].map((path) => absoluteUrl(siteUrl, path)));
}

/** The event's JSON body, the same bytes for every endpoint and every try. */
export function eventBody(event: string, story: AnnouncedStory, extra: Record<string, unknown> = {}, now: Date = new Date(), siteUrl: string = env.SITE_URL): string {
  return JSON.stringify({
    id: `evt_${randomUUID()}`,
    event,
    occurredAt: now.toISOString(),
    story: {
      id: story.id,
      url: absoluteUrl(siteUrl, articlePath(story.slug)),
      slug: story.slug,
      headline: story.headline,
      standfirst: story.standfirst,
      status: story.status,
      publishedAt: story.publishedAt?.toISOString() ?? null,
      updatedAt: story.substantiveUpdatedAt?.toISOString() ?? null,
      section: story.section ? { slug: story.section.slug, name: story.section.name, url: absoluteUrl(siteUrl, sectionPath(story.section.slug)) } : null,
      authors: story.bylines.map(({ byline }) => ({ name: byline.name, url: absoluteUrl(siteUrl, authorPath(byline.slug)) })),
    },
    ...extra,
  });
}

/**
 * Announces an event about a story inside the caller's transaction: pings the WebSub hub (when one is configured)
 * and queues one signed delivery per active endpoint subscribed to it. `extra` goes into the body (a live entry).
 * A story readers cannot see (not live yet) announces nothing but its unpublishing.
 */
export async function announce(tx: DistributionTx, event: WebhookEvent, storyId: string, extra?: Record<string, unknown>, now: Date = new Date()): Promise<void> {
  const story = await storyForAnnouncement(tx, storyId);
  if (!story || (event !== "story.unpublished" && !isLiveStory(story, now))) return;
  const { hubUrl, endpointIds } = await distributionTargets(tx, event);
  if (hubUrl) await enqueue(WEBSUB_PING_JOB, { topics: feedTopics(story) }, { maxAttempts: DELIVERY_MAX_ATTEMPTS, tx });
  if (endpointIds.length) await queueDeliveries(tx, endpointIds, event, eventBody(event, story, extra, now));
}

/** A live entry just posted, as the live.entry.posted event describes it (the story's page, at the entry's anchor). */
export interface PostedLiveEntry {
  id: string;
  title: string;
  body: string;
  keyEvent: boolean;
  publishedAt: Date;
}

/** Announces a live entry inside the transaction that posts it (lib/dal/live-entries.ts). */
export async function announceLiveEntry(tx: DistributionTx, articleId: string, entry: PostedLiveEntry, now: Date = new Date()): Promise<void> {
  const slug = (await storyForAnnouncement(tx, articleId))?.slug;
  if (!slug) return;
  const url = `${absoluteUrl(env.SITE_URL, articlePath(slug))}#entry-${entry.id}`;
  await announce(tx, "live.entry.posted", articleId, { entry: { id: entry.id, url, title: entry.title, body: entry.body, keyEvent: entry.keyEvent, publishedAt: entry.publishedAt.toISOString() } }, now);
}
