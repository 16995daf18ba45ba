import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { createJobRunner, type JobRunner } from "@/lib/jobs";
import { transaction } from "@/lib/dal/transaction";
import { SCHEDULER, writeStory } from "@/lib/dal/story-writer";
import { ForbiddenError } from "@/lib/dal/session";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, sendTestDelivery, setWebhookEndpointActive } from "@/lib/dal/webhooks";
import { ValidationError } from "@/lib/dal/errors";
import { postLiveEntry } from "@/lib/dal/live-entries";
import { announce, storyEventOf } from "./events";
import { transportOptions } from "./jobs";
import { DELIVERY_MAX_ATTEMPTS, WEBHOOK_DELIVER_JOB, WEBSUB_PING_JOB } from "./names";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.40" }), cookies: async () => ({ get: () => undefined }) }));

const LIVE = "PUBLISHED" as const;

it("names the event a write is, from the story before and after", () => {
  const at = (status: string, updated: Date | null = null) => ({ status, substantiveUpdatedAt: updated });
  const t1 = new Date("2026-01-01T00:00:00Z");
  const t2 = new Date("2026-01-02T00:00:00Z");
  expect(storyEventOf(at("DRAFT"), at(LIVE))).toBe("story.published");
  expect(storyEventOf(at("SCHEDULED"), at(LIVE))).toBe("story.published");
  expect(storyEventOf(at(LIVE), at("DRAFT"))).toBe("story.unpublished");
  expect(storyEventOf(at(LIVE), at(LIVE), { trashed: true })).toBe("story.unpublished");
  expect(storyEventOf(at(LIVE, t1), at(LIVE, t2))).toBe("story.updated");
  expect(storyEventOf(at(LIVE, t1), at(LIVE, t2), { noted: true })).toBe("story.corrected");
  expect(storyEventOf(at(LIVE, t1), at(LIVE, t1), { noted: true })).toBe("story.corrected");
  // A typo fix on a live story, any draft save, a schedule: nothing goes out.
  expect(storyEventOf(at(LIVE, t1), at(LIVE, t1))).toBeNull();
  expect(storyEventOf(at("DRAFT"), at("IN_REVIEW"))).toBeNull();
  expect(storyEventOf(at("DRAFT"), at("SCHEDULED"))).toBeNull();
});

describeEachEngine("distribution: WebSub pings and signed webhooks from the durable queue", (database) => {
  let receiver: WebhookReceiver;
  let hub: WebhookReceiver;
  let adminId = "";
  let writerId = "";
  let storyId = "";
  let runner: JobRunner;
  // The runner's clock runs with the real one (jobs are enqueued at the real time), moved ahead by hand for backoff.
  let ahead = 0;
  const now = () => new Date(Date.now() + ahead);
  const logs: string[] = [];

  async function signedInAs(userId: string) {
    const row = await database().db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: row.sessionVersion, authTime: Math.floor(Date.now() / 1000) } });
  }

  /** One story write through the one write path, as the scheduler makes it (no session needed). */
  function write(set: Record<string, unknown>, audit: { action: string } | null = null) {
    return transaction((tx) => writeStory(tx, SCHEDULER, { id: storyId, baseVersion: "stored", set, revision: null, audit }));
  }

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    receiver = await startWebhookReceiver();
    hub = await startWebhookReceiver();
    const { db } = database();
    await db.siteSettings.create({ data: { id: 1, name: "The Example", language: "en-GB", websubHubUrl: hub.url } });
    adminId = (await db.user.create({ data: { email: "ada@news.example", name: "Ada Admin", passwordHash: "x", role: "ADMIN" } })).id;
    writerId = (await db.user.create({ data: { email: "wren@news.example", name: "Wren Writer", passwordHash: "x", role: "WRITER" } })).id;
    const section = await db.section.create({ data: { slug: "politics", name: "Politics" } });
    const byline = await db.byline.create({ data: { slug: "ada-admin", name: "Ada Admin" } });
    storyId = (
      await db.article.create({
        data: { slug: "vote-tonight", headline: "Vote tonight", standfirst: "The count begins.", body: "Text.", sectionId: section.id, bylines: { create: [{ bylineId: byline.id }] } },
      })
    ).id;
  });
  beforeEach(() => {
    ahead = 1000;
    runner = createJobRunner({ pollMs: 60_000, now, log: (line) => logs.push(line) });
    Object.assign(transportOptions, { allowPrivate: true, timeoutMs: 2000 });
  });
  afterEach(async () => {
    await runner.stop();
    receiver.received.length = 0;
    hub.received.length = 0;
    receiver.replies = [];
    for (const key of Object.keys(transportOptions)) delete transportOptions[key as keyof typeof transportOptions];
  });
  afterAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    await Promise.all([receiver.close(), hub.close()]);
  });

  it("lets only admins manage endpoints, refuses bad addresses, and shows the secret only at creation", async () => {
    await signedInAs(writerId);
    await expect(listWebhookEndpoints()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createWebhookEndpoint({ url: receiver.url, events: ["story.published"], description: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await signedInAs(adminId);
    process.env.WEBHOOK_ALLOW_PRIVATE = "0";
    await expect(createWebhookEndpoint({ url: receiver.url, events: ["story.published"], description: "" })).rejects.toBeInstanceOf(ValidationError);
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    const { id, secret } = await createWebhookEndpoint({ url: receiver.url, events: ["story.published", "story.updated", "story.unpublished", "story.corrected"], description: "Wire desk" });
    receiver.secret = secret;
    const [listed] = await listWebhookEndpoints();
    expect(listed).toMatchObject({ id, url: receiver.url, description: "Wire desk", active: true, events: ["story.published", "story.updated", "story.unpublished", "story.corrected"] });
    expect(listed).not.toHaveProperty("secret");
    expect(await database().db.auditLog.count({ where: { action: "webhook.create", entityId: id, actorId: adminId } })).toBe(1);
  });

  it("queues the events in the publishing transaction; the job delivers them signed and retries after a 500", async () => {
    const { db } = database();
    receiver.replies = [{ status: 500 }];
    await write({ status: LIVE, publishedAt: new Date(Date.now() - 1000) });
    // Nothing was sent by the write itself: a delivery and two jobs wait in the queue.
    expect(receiver.received).toHaveLength(0);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.published" } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 0 });
    expect(await db.job.count({ where: { name: { in: [WEBHOOK_DELIVER_JOB, WEBSUB_PING_JOB] } } })).toBe(2);

    await runner.runDue();
    expect(receiver.received).toHaveLength(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "pending", attempts: 1, responseCode: 500, error: "The endpoint answered 500." });
    const job = await db.job.findFirstOrThrow({ where: { name: WEBHOOK_DELIVER_JOB } });
    expect(job).toMatchObject({ attempts: 1, maxAttempts: DELIVERY_MAX_ATTEMPTS, doneAt: null, failedAt: null });
    // Backoff: not again at once; 10 s later it goes, and succeeds.
    expect(await runner.runDue()).toBe(0);
    ahead += 11_000;
    await runner.runDue();
    const [failed, ok] = receiver.received;
    expect(ok.body).toBe(failed.body);
    expect(ok.signatureValid).toBe(true);
    expect(ok.headers["x-breakingon-event"]).toBe("story.published");
    const body = JSON.parse(ok.body);
    expect(body).toMatchObject({
      event: "story.published",
      id: expect.stringMatching(/^evt_/),
      story: {
        id: storyId,
        headline: "Vote tonight",
        standfirst: "The count begins.",
        url: expect.stringMatching(/\/articles\/vote-tonight$/),
        section: { slug: "politics", name: "Politics" },
        authors: [{ name: "Ada Admin", url: expect.stringMatching(/\/authors\/ada-admin$/) }],
      },
    });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "delivered", attempts: 2, responseCode: 200, error: null, deliveredAt: expect.any(Date) });

    // The hub heard about every feed the story is in.
    expect(hub.received).toHaveLength(1);
    const topics = new URLSearchParams(hub.received[0].body).getAll("hub.url");
    expect(new URLSearchParams(hub.received[0].body).get("hub.mode")).toBe("publish");
    for (const path of ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/feeds/sections/politics/feed.json", "/feeds/authors/ada-admin/rss.xml"]) {
      expect(topics.some((topic) => topic.endsWith(path)), path).toBe(true);
    }

    await signedInAs(adminId);
    const [logged] = await listWebhookDeliveries();
    expect(logged).toMatchObject({ event: "story.published", status: "delivered", responseCode: 200, attempts: 2, endpointUrl: receiver.url });
  });

  it("announces substantive updates, corrections and unpublishing, but not a typo fix, to the endpoints that take them", async () => {
    const { db } = database();
    await signedInAs(adminId);
    const onlyPublished = await createWebhookEndpoint({ url: receiver.url.replace("/hooks", "/other"), events: ["story.published"], description: "" });
    await write({ headline: "Vote tonight (typo fixed)" });
    await write({ substantiveUpdatedAt: new Date() });
    await write({}, { action: "article.correction" });
    await write({ status: "DRAFT" });
    await runner.runDue();
    expect(receiver.received.map((request) => request.headers["x-breakingon-event"])).toEqual(["story.updated", "story.corrected", "story.unpublished"]);
    expect(receiver.received.every((request) => request.signatureValid)).toBe(true);
    expect(receiver.received.every((request) => request.path === "/hooks")).toBe(true);
    expect(await db.webhookDelivery.count({ where: { endpointId: onlyPublished.id } })).toBe(0);
    expect(hub.received).toHaveLength(3);
    await deleteWebhookEndpoint(onlyPublished.id);
  });

  it("a slow endpoint never holds up the write; its try times out in the job and is recorded", async () => {
    const { db } = database();
    transportOptions.timeoutMs = 300;
    receiver.replies = [{ status: 200, delayMs: 5000 }];
    const started = Date.now();
    await write({ status: LIVE, publishedAt: new Date(Date.now() - 1000) });
    expect(Date.now() - started).toBeLessThan(2000);
    const before = Date.now();
    await runner.runDue();
    expect(Date.now() - before).toBeLessThan(3000);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.published" }, orderBy: { createdAt: "desc" } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseCode: null, error: "No answer within 300 ms." });
  });

  it("gives a private receiver up at once when private addresses are not allowed, and a disabled endpoint's events are not sent", async () => {
    const { db } = database();
    // Clear what the previous test left waiting.
    await db.job.deleteMany({});
    await db.webhookDelivery.deleteMany({});
    transportOptions.allowPrivate = false;
    await write({ substantiveUpdatedAt: new Date() });
    await runner.runDue();
    expect(receiver.received).toHaveLength(0);
    const refused = await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.updated" } });
    expect(refused).toMatchObject({ status: "failed", attempts: 1, error: expect.stringMatching(/private network/) });
    expect(await db.job.findFirstOrThrow({ where: { name: WEBHOOK_DELIVER_JOB } })).toMatchObject({ failedAt: expect.any(Date) });

    transportOptions.allowPrivate = true;
    await signedInAs(adminId);
    const [endpoint] = await listWebhookEndpoints();
    await write({ substantiveUpdatedAt: new Date(Date.now() + 1) });
    await setWebhookEndpointActive(endpoint.id, false);
    await runner.runDue();
    expect(receiver.received).toHaveLength(0);
    const abandoned = await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.updated" }, orderBy: { createdAt: "desc" } });
    expect(abandoned).toMatchObject({ status: "failed", attempts: 0, error: expect.stringMatching(/disabled/) });
    // A disabled endpoint gets no new events at all.
    await write({ substantiveUpdatedAt: new Date(Date.now() + 2) });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "pending" } })).toBe(0);
    await setWebhookEndpointActive(endpoint.id, true);
  });

  it("sends a signed test event on request, and announces a live entry through the same path", async () => {
    await signedInAs(adminId);
    const [endpoint] = await listWebhookEndpoints();
    await sendTestDelivery(endpoint.id);
    await runner.runDue();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ signatureValid: true });
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ event: "webhook.test", test: true });

    // Posting an entry to a live coverage queues live.entry.posted with the post (lib/dal/live-entries.ts).
    const { db } = database();
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { events: "live.entry.posted" } });
    await db.article.update({ where: { id: storyId }, data: { liveCoverage: true, coverageStartedAt: new Date() } });
    const { id: entryId } = await postLiveEntry({ articleId: storyId, fields: { title: "Polls close", body: "Counting starts.", keyEvent: true, pinned: false, bylineIds: [] } });
    await runner.runDue();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].signatureValid).toBe(true);
    expect(JSON.parse(receiver.received[1].body)).toMatchObject({
      event: "live.entry.posted",
      story: { id: storyId },
      entry: { id: entryId, title: "Polls close", body: "Counting starts.", keyEvent: true, url: expect.stringMatching(new RegExp(`/articles/vote-tonight#entry-${entryId}$`)) },
    });
    // Announcing an event about a story that does not exist adds nothing.
    await transaction((tx) => announce(tx, "story.updated", "no-such-story"));
    expect(await db.webhookDelivery.count({ where: { status: "pending" } })).toBe(0);
  });
});
