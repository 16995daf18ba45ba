import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { webhookEndpointSchema } from "@/lib/validation/webhooks";
import { siteSettingsSchema } from "@/lib/validation/settings";
import { deliverSigned, isPrivateAddress, newWebhookSecret, postOnce, safeLookup, signPayload, verifySignature, webhookUrlProblem } from "./webhooks";
import { hubLinkHeader, pingBody, pingHub } from "./websub";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ event: "story.published", story: { headline: "Ünïcode ✓" } });

  it("signs t.body with HMAC-SHA256 and a timestamp, in the t=…,v1=… header", () => {
    expect(signPayload(secret, body, 1_700_000_000)).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    // Known answer: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
    expect(signPayload("key", "{}", 1_700_000_000)).toBe("t=1700000000,v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
  });

  it("verifies the right secret and body within five minutes, and nothing else", () => {
    const now = 1_700_000_000;
    const header = signPayload(secret, body, now);
    expect(verifySignature(secret, body, header, now + 10)).toBe(true);
    expect(verifySignature("whsec_other", body, header, now)).toBe(false);
    expect(verifySignature(secret, `${body} `, header, now)).toBe(false);
    expect(verifySignature(secret, body, header, now + 301)).toBe(false);
    expect(verifySignature(secret, body, header.replace(/v1=./, "v1=x"), now)).toBe(false);
    expect(verifySignature(secret, body, null, now)).toBe(false);
    expect(verifySignature(secret, body, "garbage", now)).toBe(false);
  });

  it("makes a fresh, long secret each time", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe("webhook addresses", () => {
  it.each([
    ["127.0.0.1"],
    ["10.1.2.3"],
    ["172.16.0.1"],
    ["192.168.1.1"],
    ["169.254.169.254"],
    ["100.64.0.1"],
    ["0.0.0.0"],
    ["::1"],
    ["fd00::1"],
    ["fe80::1"],
    ["::ffff:127.0.0.1"],
    ["not an ip"],
  ])("%s is private", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each([["93.184.216.34"], ["8.8.8.8"], ["2606:4700::1111"]])("%s is public", (address) => expect(isPrivateAddress(address)).toBe(false));

  it("refuses malformed, non-http, credentialed, overlong and private addresses with a reason", () => {
    const strict = { allowPrivate: false };
    expect(webhookUrlProblem("https://hooks.example.com/breakingon", strict)).toBeNull();
    expect(webhookUrlProblem("not a url", strict)).toMatch(/full address/);
    expect(webhookUrlProblem("ftp://hooks.example.com/", strict)).toMatch(/http/);
    expect(webhookUrlProblem("javascript:alert(1)", strict)).toMatch(/http/);
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/", strict)).toMatch(/password/);
    expect(webhookUrlProblem(`https://hooks.example.com/${"a".repeat(2000)}`, strict)).toMatch(/2000/);
    for (const url of ["http://127.0.0.1:8080/", "http://localhost/", "http://[::1]/", "http://169.254.169.254/latest/meta-data", "http://intranet.local/", "http://10.0.0.5/"]) {
      expect(webhookUrlProblem(url, strict), url).toMatch(/private network/);
    }
    expect(webhookUrlProblem("http://127.0.0.1:8080/", { allowPrivate: true })).toBeNull();
  });

  it("the add-endpoint form and the settings' hub field refuse bad addresses as field errors", () => {
    const bad = webhookEndpointSchema.safeParse({ url: "ftp://x", events: "story.published" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["url"] });
    const noEvents = webhookEndpointSchema.safeParse({ url: "https://hooks.example.com/" });
    expect(noEvents.error?.issues[0]).toMatchObject({ path: ["events"], message: "Choose at least one event." });
    const unknown = webhookEndpointSchema.safeParse({ url: "https://hooks.example.com/", events: ["story.published", "story.deleted"] });
    expect(unknown.success).toBe(false);
    expect(webhookEndpointSchema.parse({ url: " https://hooks.example.com/x ", events: ["story.published", "story.published", "live.entry.posted"] })).toEqual({
      url: "https://hooks.example.com/x",
      events: ["story.published", "live.entry.posted"],
      description: "",
    });
    const settings = { name: "News", language: "en", timeZone: "UTC" };
    expect(siteSettingsSchema.parse({ ...settings, websubHubUrl: "" }).websubHubUrl).toBe("");
    expect(siteSettingsSchema.parse({ ...settings, websubHubUrl: "https://pubsubhubbub.appspot.com/" }).websubHubUrl).toBe("https://pubsubhubbub.appspot.com/");
    expect(siteSettingsSchema.safeParse({ ...settings, websubHubUrl: "hub please" }).error?.issues[0]).toMatchObject({ path: ["websubHubUrl"] });
  });
});

describe("delivering to a real receiver", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => {
    receiver.received.length = 0;
    receiver.replies = [];
    receiver.secret = null;
  });
  afterAll(() => receiver.close());

  it("POSTs the exact body, signed, with the event and delivery id, and records the answer", async () => {
    receiver.secret = "whsec_receiver";
    const body = JSON.stringify({ event: "story.published", n: 1 });
    const result = await deliverSigned(receiver.url, "whsec_receiver", { id: "d1", event: "story.published", body }, { allowPrivate: true });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: "POST", path: "/hooks", body, signatureValid: true });
    expect(request.headers).toMatchObject({ "content-type": "application/json", "x-breakingon-event": "story.published", "x-breakingon-delivery": "d1" });
  });

  it("records 5xx and 4xx as failures with their code", async () => {
    receiver.replies = [{ status: 500 }, { status: 410 }];
    expect(await postOnce(receiver.url, "{}", { allowPrivate: true })).toMatchObject({ status: 500, error: "The endpoint answered 500." });
    expect(await postOnce(receiver.url, "{}", { allowPrivate: true })).toMatchObject({ status: 410, error: "The endpoint answered 410." });
  });

  it("never follows a redirect", async () => {
    receiver.replies = [{ status: 302, headers: { Location: `${receiver.url}/elsewhere` } }];
    const result = await postOnce(receiver.url, "{}", { allowPrivate: true });
    expect(result).toMatchObject({ status: 302 });
    expect(result.error).toMatch(/Redirect \(302\) not followed/);
    expect(receiver.received).toHaveLength(1);
  });

  it("gives up on a slow endpoint at the timeout", async () => {
    receiver.replies = [{ status: 200, delayMs: 3000 }];
    const started = Date.now();
    const result = await postOnce(receiver.url, "{}", { allowPrivate: true, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ status: null, error: "No answer within 300 ms." });
  });

  it("refuses a loopback receiver unless private addresses are allowed, by literal and by name", async () => {
    expect(await postOnce(receiver.url, "{}", { allowPrivate: false })).toMatchObject({ status: null, refused: true, error: expect.stringMatching(/private network/) });
    // A name is checked again when connecting, whatever it resolved to when saved (DNS rebinding): the lookup the
    // requests use answers no private address.
    for (const all of [true, false]) {
      const error = await new Promise<Error | null>((resolve) => safeLookup("localhost", { all }, (failure) => resolve(failure)));
      expect(error?.name).toBe("PrivateAddressError");
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("reports an unreachable endpoint without throwing", async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    expect(await postOnce(closed.url, "{}", { allowPrivate: true })).toMatchObject({ status: null, error: expect.stringMatching(/Could not connect: ECONNREFUSED/) });
  });

  it("pings a WebSub hub with hub.mode=publish and each topic", async () => {
    const topics = ["https://news.example/feeds/rss.xml", "https://news.example/feeds/feed.json"];
    expect(pingBody(topics)).toBe("hub.mode=publish&hub.url=https%3A%2F%2Fnews.example%2Ffeeds%2Frss.xml&hub.url=https%3A%2F%2Fnews.example%2Ffeeds%2Ffeed.json");
    receiver.replies = [{ status: 204 }];
    expect(await pingHub(receiver.url, topics, { allowPrivate: true })).toMatchObject({ status: 204, error: null });
    const [request] = receiver.received;
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(request.body);
    expect(form.get("hub.mode")).toBe("publish");
    expect(form.getAll("hub.url")).toEqual(topics);
    expect(hubLinkHeader("https://hub.example/", "https://news.example/feeds/rss.xml")).toBe('<https://hub.example/>; rel="hub", <https://news.example/feeds/rss.xml>; rel="self"');
  });
});
