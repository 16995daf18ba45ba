import "server-only";
import { randomUUID } from "node:crypto";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";
import { pokeJobRunner } from "@/lib/jobs/runner";
import { newWebhookSecret, webhookUrlProblem } from "@/lib/distribution/webhooks";
import { DELIVERY_MAX_ATTEMPTS, TEST_EVENT, WEBHOOK_DELIVER_JOB, type WebhookEvent } from "@/lib/distribution/names";
import type { WebhookEndpointInput } from "@/lib/validation/webhooks";
import type { DbClient } from "./claims";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { requestAddress, requirePermission } from "./session";

// Outgoing webhooks' rows: endpoints (managed by admins in the newsroom) and their deliveries (written in the
// transaction of the story write that caused them, then tried by the webhook.deliver job). Distribution itself
// (which events, which payload) is lib/distribution/events.ts.

type Tx = Prisma.TransactionClient;
export type DistributionTx = Tx;
const TARGET = (id?: string) => ({ entityType: "WebhookEndpoint", entityId: id ?? null });

// ——— In a story write's transaction ———

/** The hub to ping and the active endpoints that take this event. */
export async function distributionTargets(tx: Tx, event: WebhookEvent): Promise<{ hubUrl: string; endpointIds: string[] }> {
  const [settings, endpoints] = await Promise.all([
    tx.siteSettings.findUnique({ where: { id: 1 }, select: { websubHubUrl: true } }),
    tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, events: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    hubUrl: settings?.websubHubUrl ?? "",
    endpointIds: endpoints.filter((endpoint) => endpoint.events.split(",").includes(event)).map((endpoint) => endpoint.id),
  };
}

const announcedStorySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  status: true,
  publishedAt: true,
  substantiveUpdatedAt: true,
  section: { select: { slug: true, name: true } },
  bylines: { orderBy: { position: "asc" }, select: { byline: { select: { slug: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

export type AnnouncedStory = Prisma.ArticleGetPayload<{ select: typeof announcedStorySelect }>;

/** The story as the event describes it (read inside the write's transaction, so it is the state being committed). */
export function storyForAnnouncement(tx: Tx, id: string): Promise<AnnouncedStory | null> {
  return tx.article.findUnique({ where: { id }, select: announcedStorySelect });
}

/** One delivery per endpoint, each with its job, in the caller's transaction: they exist exactly when the write commits. */
export async function queueDeliveries(tx: DbClient, endpointIds: string[], event: string, payload: string): Promise<string[]> {
  const ids: string[] = [];
  for (const endpointId of endpointIds) {
    const { id } = await tx.webhookDelivery.create({ data: { endpointId, event, payload }, select: { id: true } });
    await enqueue(WEBHOOK_DELIVER_JOB, { deliveryId: id }, { key: `${WEBHOOK_DELIVER_JOB}:${id}`, maxAttempts: DELIVERY_MAX_ATTEMPTS, tx });
    ids.push(id);
  }
  return ids;
}

// ——— For the jobs (background work acts for nobody: no user check) ———

export interface DeliveryForJob {
  id: string;
  event: string;
  payload: string;
  status: string;
  endpoint: { url: string; secret: string; active: boolean };
}

export function deliveryForJob(id: string): Promise<DeliveryForJob | null> {
  return getDb().webhookDelivery.findUnique({
    where: { id },
    select: { id: true, event: true, payload: true, status: true, endpoint: { select: { url: true, secret: true, active: true } } },
  });
}

/** Records one try: its code, time and error; delivered on a 2xx, failed when it was the last try. */
export async function recordDeliveryTry(
  id: string,
  result: { status: number | null; durationMs: number; error: string | null },
  { final, now = new Date() }: { final: boolean; now?: Date },
): Promise<void> {
  const delivered = result.error === null;
  await getDb().webhookDelivery.updateMany({
    where: { id, status: { not: "delivered" } },
    data: {
      attempts: { increment: 1 },
      responseCode: result.status,
      durationMs: result.durationMs,
      error: result.error?.slice(0, 1000) ?? null,
      lastTriedAt: now,
      status: delivered ? "delivered" : final ? "failed" : "pending",
      ...(delivered && { deliveredAt: now }),
    },
  });
}

/** Marks a delivery failed without a try (its endpoint was disabled or deleted since). */
export async function abandonDelivery(id: string, reason: string): Promise<void> {
  await getDb().webhookDelivery.updateMany({ where: { id, status: "pending" }, data: { status: "failed", error: reason } });
}

/** The configured WebSub hub, read when a ping runs (a hub removed since the publish is not pinged). */
export async function currentHubUrl(): Promise<string> {
  const row = await getDb().siteSettings.findUnique({ where: { id: 1 }, select: { websubHubUrl: true } });
  return row?.websubHubUrl ?? "";
}

// ——— The newsroom's Webhooks page (admins) ———

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  createdAt: Date;
  lastDelivery: { status: string; responseCode: number | null; createdAt: Date } | null;
}

export async function listWebhookEndpoints(): Promise<WebhookEndpointView[]> {
  await requirePermission("settings.manage", TARGET());
  const rows = await getDb().webhookEndpoint.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      url: true,
      events: true,
      description: true,
      active: true,
      createdAt: true,
      deliveries: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { status: true, responseCode: true, createdAt: true } },
    },
  });
  return rows.map(({ deliveries, events, ...row }) => ({ ...row, events: events.split(",").filter(Boolean), lastDelivery: deliveries[0] ?? null }));
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  endpointUrl: string;
  event: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  error: string | null;
  durationMs: number | null;
  createdAt: Date;
  lastTriedAt: Date | null;
}

export const DELIVERY_LOG_SIZE = 50;

/** The newest deliveries, of one endpoint or all. */
export async function listWebhookDeliveries(endpointId?: string): Promise<WebhookDeliveryView[]> {
  await requirePermission("settings.manage", TARGET(endpointId));
  const rows = await getDb().webhookDelivery.findMany({
    where: endpointId ? { endpointId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_SIZE,
    select: {
      id: true,
      endpointId: true,
      event: true,
      status: true,
      attempts: true,
      responseCode: true,
      error: true,
      durationMs: true,
      createdAt: true,
      lastTriedAt: true,
      endpoint: { select: { url: true } },
    },
  });
  return rows.map(({ endpoint, ...row }) => ({ ...row, endpointUrl: endpoint.url }));
}

/** Registers an endpoint; the signing secret is returned this once (the page shows it, then never again). */
export async function createWebhookEndpoint(input: WebhookEndpointInput): Promise<{ id: string; secret: string }> {
  const user = await requirePermission("settings.manage", TARGET());
  // Checked here too (the action's schema checks it first): no caller may store an address the jobs would refuse.
  const problem = webhookUrlProblem(input.url);
  if (problem) throw new ValidationError("Check the highlighted fields.", { url: [problem] });
  const ip = await requestAddress().catch(() => null);
  const secret = newWebhookSecret();
  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { url: input.url, secret, events: input.events.join(","), description: input.description, createdById: user.id },
      select: { id: true },
    });
    await recordAudit({ actorId: user.id, action: "webhook.create", entityType: "WebhookEndpoint", entityId: row.id, details: { url: input.url, events: input.events }, ip }, tx);
    return row;
  });
  return { id: created.id, secret };
}

async function changeEndpoint(id: string, action: string, change: (tx: Tx) => Promise<number>): Promise<{ url: string }> {
  const user = await requirePermission("settings.manage", TARGET(id));
  const ip = await requestAddress().catch(() => null);
  return getDb().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!row || (await change(tx)) === 0) throw new NotFoundError("That webhook endpoint no longer exists.");
    await recordAudit({ actorId: user.id, action, entityType: "WebhookEndpoint", entityId: id, details: { url: row.url }, ip }, tx);
    return row;
  });
}

/** Turns an endpoint off (its pending deliveries are given up when their job runs) or on again. */
export function setWebhookEndpointActive(id: string, active: boolean): Promise<{ url: string }> {
  return changeEndpoint(id, active ? "webhook.enable" : "webhook.disable", async (tx) => (await tx.webhookEndpoint.updateMany({ where: { id }, data: { active } })).count);
}

/** Deletes an endpoint and its delivery log. */
export function deleteWebhookEndpoint(id: string): Promise<{ url: string }> {
  return changeEndpoint(id, "webhook.delete", async (tx) => (await tx.webhookEndpoint.deleteMany({ where: { id } })).count);
}

/** Queues a signed `webhook.test` event to one endpoint (active or not: the admin asked for it). */
export async function sendTestDelivery(id: string, now: Date = new Date()): Promise<{ deliveryId: string }> {
  const user = await requirePermission("settings.manage", TARGET(id));
  const endpoint = await getDb().webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
  if (!endpoint) throw new NotFoundError("That webhook endpoint no longer exists.");
  const payload = JSON.stringify({ id: `evt_${randomUUID()}`, event: TEST_EVENT, occurredAt: now.toISOString(), test: true, sentBy: user.name });
  const [deliveryId] = await getDb().$transaction((tx) => queueDeliveries(tx, [id], TEST_EVENT, payload));
  // Enqueued in a transaction, so the runner was not woken: wake it now that the job is there.
  pokeJobRunner();
  return { deliveryId };
}

/** Whether a story is live for readers now (a publish event for a story published for later waits for it). */
export function isLiveStory(story: Pick<AnnouncedStory, "status" | "publishedAt">, now: Date = new Date()): boolean {
  return story.status === ArticleStatus.PUBLISHED && !!story.publishedAt && story.publishedAt <= now;
}
