import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildFeed, type FeedDocument, type FeedEntry } from "./feeds";
import { buildJsonFeed, JSON_FEED_VERSION } from "./json-feed";

const SITE_URL = "https://news.example.com";

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: "ckarticle1",
    slug: "cartels",
    headline: 'Cartels & the "border" <policy>',
    standfirst: "Officials weigh options — and risks.",
    bodyHtml: '<p>See <a href="/articles/report">the report</a>.</p>',
    publishedAt: new Date("2025-08-09T12:00:00.000Z"),
    updatedAt: null,
    section: { slug: "world", name: "World" },
    bylines: [
      { slug: "jane-doe", name: "Jane Doe" },
      { slug: "newsroom", name: "BreakingOn Newsroom" },
    ],
    tags: [{ slug: "mexico", name: "Mexico" }],
    hero: null,
    ...overrides,
  };
}

function doc(overrides: Partial<FeedDocument> = {}): FeedDocument {
  return {
    site: { name: "BreakingOn", description: "Independent news.", language: "en-GB", copyright: "© BreakingOn", fullContent: true },
    scope: { kind: "site" },
    channel: null,
    entries: [entry({ id: "ckarticle2", slug: "newer", headline: "Newer", updatedAt: new Date("2025-08-11T15:30:00.000Z") }), entry()],
    ...overrides,
  };
}

/** The shape JSON Feed 1.1 requires (https://www.jsonfeed.org/version/1.1/), checked field by field. */
function expectValidJsonFeed(feed: unknown) {
  const f = JSON.parse(JSON.stringify(feed)) as Record<string, unknown>;
  expect(f.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof f.title).toBe("string");
  expect(f).not.toHaveProperty("author");
  for (const url of [f.home_page_url, f.feed_url, f.icon]) expect(() => new URL(String(url))).not.toThrow();
  expect(Array.isArray(f.items)).toBe(true);
  for (const item of f.items as Record<string, unknown>[]) {
    expect(typeof item.id).toBe("string");
    expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
    expect(item).not.toHaveProperty("author");
    for (const date of [item.date_published, item.date_modified]) expect(new Date(String(date)).toISOString()).toBe(date);
    for (const author of (item.authors ?? []) as Record<string, unknown>[]) expect(typeof author.name).toBe("string");
  }
}

describe("JSON Feed 1.1", () => {
  it("describes the site, in its language, with the publication as author", () => {
    const feed = buildJsonFeed(doc(), { siteUrl: SITE_URL });
    expectValidJsonFeed(feed);
    expect(feed).toMatchObject({
      version: JSON_FEED_VERSION,
      title: "BreakingOn",
      home_page_url: `${SITE_URL}/`,
      feed_url: `${SITE_URL}/feeds/feed.json`,
      description: "Independent news.",
      language: "en-GB",
      authors: [{ name: "BreakingOn", url: `${SITE_URL}/` }],
    });
    expect(feed).not.toHaveProperty("hubs");
  });

  it("gives each item its bylines as authors, its language, dates, tags and absolute links", () => {
    const [newer, older] = buildJsonFeed(doc(), { siteUrl: SITE_URL }).items;
    expect(older).toMatchObject({
      id: "tag:news.example.com,2025-08-09:articles/ckarticle1",
      url: `${SITE_URL}/articles/cartels`,
      title: 'Cartels & the "border" <policy>',
      summary: "Officials weigh options — and risks.",
      content_html: `<p>See <a href="${SITE_URL}/articles/report">the report</a>.</p>`,
      date_published: "2025-08-09T12:00:00.000Z",
      date_modified: "2025-08-09T12:00:00.000Z",
      authors: [
        { name: "Jane Doe", url: `${SITE_URL}/authors/jane-doe` },
        { name: "BreakingOn Newsroom", url: `${SITE_URL}/authors/newsroom` },
      ],
      tags: ["World", "Mexico"],
      language: "en-GB",
    });
    expect(newer.date_modified).toBe("2025-08-11T15:30:00.000Z");
  });

  it("a summary-only feed carries the standfirst as its content; a section's and an author's feed name themselves", () => {
    const summary = buildJsonFeed(doc({ site: { ...doc().site, fullContent: false }, entries: [entry({ bodyHtml: "" })] }), { siteUrl: SITE_URL });
    expect(summary.items[0].content_html).toBe("<p>Officials weigh options — and risks.</p>");
    const section = buildJsonFeed(doc({ scope: { kind: "section", slug: "world" }, channel: { name: "World", description: "Abroad." } }), { siteUrl: SITE_URL });
    expect(section).toMatchObject({ title: "BreakingOn: World", feed_url: `${SITE_URL}/feeds/sections/world/feed.json`, home_page_url: `${SITE_URL}/sections/world`, description: "Abroad." });
    const author = buildJsonFeed(doc({ scope: { kind: "author", slug: "jane-doe" }, channel: { name: "Jane Doe", description: "" } }), { siteUrl: SITE_URL });
    expectValidJsonFeed(author);
    expect(author).toMatchObject({ feed_url: `${SITE_URL}/feeds/authors/jane-doe/feed.json`, authors: [{ name: "Jane Doe", url: `${SITE_URL}/authors/jane-doe` }] });
  });

  it("names the WebSub hub when one is configured, as RSS and Atom do with <link rel=hub>", () => {
    const hubUrl = "https://hub.example/";
    const withHub = doc({ site: { ...doc().site, hubUrl } });
    expect(buildJsonFeed(withHub, { siteUrl: SITE_URL }).hubs).toEqual([{ type: "WebSub", url: hubUrl }]);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const links = (value: unknown) => (Array.isArray(value) ? value : [value]) as Record<string, string>[];
    const atom = parser.parse(buildFeed(withHub, "atom", { siteUrl: SITE_URL }));
    expect(links(atom.feed.link).some((link) => link["@rel"] === "hub" && link["@href"] === hubUrl)).toBe(true);
    const rss = parser.parse(buildFeed(withHub, "rss", { siteUrl: SITE_URL }));
    expect(links(rss.rss.channel["atom:link"]).some((link) => link["@rel"] === "hub" && link["@href"] === hubUrl)).toBe(true);
    expect(buildFeed(doc(), "atom", { siteUrl: SITE_URL })).not.toContain('rel="hub"');
    expect(buildFeed(doc(), "rss", { siteUrl: SITE_URL })).not.toContain('rel="hub"');
  });
});
