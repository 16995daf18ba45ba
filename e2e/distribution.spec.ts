// Distribution in a real browser against a real receiver (#12 §4): an admin registers a webhook endpoint (a server
// this test starts on 127.0.0.1; the e2e server runs with WEBHOOK_ALLOW_PRIVATE=1), an editor publishes a story,
// and the receiver gets a signed story.published within seconds; the delivery log shows the answer's code; "Send
// test" reaches it too; the JSON Feed is linked from the home page and carries the story.
import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../lib/testing/webhook-receiver";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

let receiver: WebhookReceiver;
let hub: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
  receiver.fallback = { status: 202 };
  hub = await startWebhookReceiver();
  hub.fallback = { status: 204 };
});
test.afterAll(async () => {
  await receiver?.close();
  await hub?.close();
});

test("an admin's webhook hears a publish within seconds, signed; the log shows the code; feed.json is discoverable", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const run = Date.now();
  const headline = `Bridge Reopens After Repairs ${run}`;
  const slug = `bridge-reopens-${run}`;

  // The admin registers the receiver; the secret is shown once.
  const admin = await browser.newContext({ storageState: STAFF.owner.storageState });
  const page = await admin.newPage();
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await page.getByLabel("Endpoint address").fill("not a url");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Enter a full address starting with https://.")).toBeVisible();
  await page.getByLabel("Endpoint address").fill(receiver.url);
  await page.getByLabel("Description").fill(`E2E receiver ${run}`);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secretField = page.getByLabel("Signing secret (shown once)");
  await expect(secretField).toHaveValue(/^whsec_/);
  receiver.secret = await secretField.inputValue();
  await expect(page.getByRole("rowheader").filter({ hasText: receiver.url }).first()).toBeVisible();

  // The admin names a WebSub hub (another receiver) in Settings; the feeds name it.
  await page.goto("/admin/settings");
  await page.getByLabel("WebSub hub").fill(hub.url);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("WebSub hub");

  // An editor publishes a story that is ready for readers.
  const id = await withDb(async (db) => {
    const section = await db.section.findFirstOrThrow({ select: { id: true } });
    const byline = await db.byline.findFirstOrThrow({ select: { id: true } });
    const story = await db.article.create({
      data: { slug, headline, standfirst: "Traffic flows again.", body: "The bridge reopened this morning.", status: "IN_REVIEW", sectionId: section.id, bylines: { create: [{ bylineId: byline.id }] } },
      select: { id: true },
    });
    return story.id;
  });
  const editor = await browser.newContext({ storageState: STAFF.editor.storageState });
  const editorPage = await editor.newPage();
  await editorPage.goto(`/admin/stories/${id}`);
  const before = receiver.received.length;
  await editorPage.getByRole("button", { name: "Publish now" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Published");
  const publishedAt = Date.now();

  // The receiver hears of it within seconds, signed with the secret the admin was shown.
  const received = await receiver.waitFor(before + 1, 10_000);
  const delivery = received.find((r) => JSON.parse(r.body).story?.id === id);
  expect(delivery, "a delivery about the published story").toBeDefined();
  expect(delivery!.receivedAt.getTime() - publishedAt).toBeLessThan(5_000);
  expect(delivery!.signatureValid).toBe(true);
  expect(delivery!.headers["x-breakingon-event"]).toBe("story.published");
  expect(JSON.parse(delivery!.body)).toMatchObject({ event: "story.published", story: { headline, url: expect.stringContaining(`/articles/${slug}`) } });

  // The hub was pinged with the feeds the story is in.
  const pings = await hub.waitFor(1, 10_000);
  const ping = new URLSearchParams(pings[0].body);
  expect(ping.get("hub.mode")).toBe("publish");
  expect(ping.getAll("hub.url")).toEqual(expect.arrayContaining([expect.stringMatching(/\/feeds\/rss\.xml$/), expect.stringMatching(/\/feeds\/feed\.json$/)]));
  const rss = await request.get("/feeds/rss.xml");
  expect(rss.headers()["link"]).toBe(`<${hub.url}>; rel="hub", <${new URL("/feeds/rss.xml", rss.url()).href}>; rel="self"`);
  expect(await rss.text()).toContain(`rel="hub"`);

  // The delivery log shows the receiver's answer; "Send test" reaches it as well.
  await page.goto("/admin/webhooks");
  const log = page.getByTestId("webhook-deliveries");
  await expect(log.getByRole("row").filter({ hasText: "story.published" }).first()).toContainText("202");
  await expect(log.getByRole("row").filter({ hasText: "story.published" }).first()).toContainText("delivered");
  const beforeTest = receiver.received.length;
  await page.getByRole("button", { name: `Send test to ${receiver.url}` }).click();
  await expect(page.getByText("Test event queued")).toBeVisible();
  const afterTest = (await receiver.waitFor(beforeTest + 1, 10_000)).slice(beforeTest);
  expect(afterTest.some((r) => r.headers["x-breakingon-event"] === "webhook.test" && r.signatureValid)).toBe(true);

  // The JSON Feed is discoverable from the home page, and carries the story.
  await page.goto("/");
  const link = page.locator('link[rel="alternate"][type="application/feed+json"]').first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/\/feeds\/feed\.json$/);
  const feed = await request.get(href!);
  expect(feed.headers()["content-type"]).toContain("application/feed+json");
  const json = await feed.json();
  expect(json).toMatchObject({ version: "https://jsonfeed.org/version/1.1", language: expect.any(String), authors: [expect.objectContaining({ name: expect.any(String) })] });
  expect(json.items.some((item: { title: string }) => item.title === headline)).toBe(true);

  expect(json.hubs).toEqual([{ type: "WebSub", url: hub.url }]);

  // Leave no hub behind for the specs that run after this one on the same server.
  await page.goto("/admin/settings");
  await page.getByLabel("WebSub hub").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("WebSub hub");
  await expect.poll(async () => (await request.get("/feeds/rss.xml")).headers()["link"]).toBeUndefined();

  // And no story: it went into the seeded section under the seeded byline, whose pages and sitemap dates the reader
  // and SEO specs check on the same server. Unpublished through the editor, as a person would.
  await editorPage.goto(`/admin/stories/${id}`);
  await editorPage.getByRole("button", { name: "Unpublish" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Archived");

  await admin.close();
  await editor.close();
});
