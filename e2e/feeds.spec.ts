import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { OLDER_SLUG, SOURCE_HEADLINE, SOURCE_SLUG } from "./support/site";
import { fetchXml as fetchXmlDocument } from "./support/xml";

const PUBLISHED = "2025-08-09T12:00:00.000Z";
// The fixture story published on August 1 and substantively updated the next day.
const OLDER_PUBLISHED = "2025-08-01T15:00:00.000Z";
const OLDER_UPDATED = "2025-08-02T10:30:00.000Z";

const LISTS = new Set(["rss.channel.item", "feed.entry", "feed.link", "feed.entry.link"]);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (_name, jpath) => LISTS.has(String(jpath)) });

function fetchXml(request: APIRequestContext, path: string, contentType: string) {
  return fetchXmlDocument(request, path, contentType, parser);
}

const RSS = "application/rss+xml; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";

const FEEDS = [
  { base: "/feeds", title: "BreakingOn", page: "/" },
  { base: "/feeds/sections/world", title: "BreakingOn: World", page: "/sections/world" },
  { base: "/feeds/authors/breakingon-newsroom", title: "BreakingOn: BreakingOn Newsroom", page: "/authors/breakingon-newsroom" },
];

for (const { base, title, page } of FEEDS) {
  test(`${base}/rss.xml is RSS 2.0 with the seeded story`, async ({ request, baseURL }) => {
    const { rss } = await fetchXml(request, `${base}/rss.xml`, RSS);
    expect(rss["@version"]).toBe("2.0");
    expect(rss.channel.title).toBe(title);
    expect(rss.channel.link).toBe(new URL(page, baseURL).href);
    expect(rss.channel["atom:link"]).toMatchObject({ "@rel": "self", "@href": `${baseURL}${base}/rss.xml` });
    const item = rss.channel.item.find((i: { link: string }) => i.link === `${baseURL}/articles/${SOURCE_SLUG}`);
    expect(item).toBeDefined();
    expect(item.title).toBe(SOURCE_HEADLINE);
    expect(item.pubDate).toBe(new Date(PUBLISHED).toUTCString());
    expect(item["dc:creator"]["#text"]).toBe("BreakingOn Newsroom");
    // The seed turns full-content feeds on: the sanitised body, subheadings and all.
    expect(item["content:encoded"]).toContain('<h2 id="military-strikes-a-controversial-option">');
    expect(item["content:encoded"]).not.toContain("<script");
  });

  test(`${base}/atom.xml is Atom with the seeded story`, async ({ request, baseURL }) => {
    const { feed } = await fetchXml(request, `${base}/atom.xml`, ATOM);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe(title);
    expect(feed.link).toContainEqual({ "@rel": "self", "@href": `${baseURL}${base}/atom.xml` });
    const entries: { updated: string; published: string; link: { "@href": string }[] }[] = feed.entry;
    // The feed is as new as its newest change.
    expect(feed.updated).toBe(entries.map((e) => e.updated).sort().at(-1));
    const entry = feed.entry.find((e: { link: { "@href": string }[] }) => e.link[0]["@href"] === `${baseURL}/articles/${SOURCE_SLUG}`);
    expect(entry).toBeDefined();
    expect(entry.published).toBe(PUBLISHED);
    // Never substantively updated: updated is the publication time.
    expect(entry.updated).toBe(PUBLISHED);
    expect(entry.author).toEqual({ name: "BreakingOn Newsroom", uri: `${baseURL}/authors/breakingon-newsroom` });
    expect(entry.content["@type"]).toBe("html");
  });
}

test("a substantive update moves Atom's updated and leaves RSS's pubDate at publication", async ({ request, baseURL }) => {
  const link = `${baseURL}/articles/${OLDER_SLUG}`;
  const { feed } = await fetchXml(request, "/feeds/sections/politics/atom.xml", ATOM);
  const entry = feed.entry.find((e: { link: { "@href": string }[] }) => e.link[0]["@href"] === link);
  expect(entry).toMatchObject({ published: OLDER_PUBLISHED, updated: OLDER_UPDATED });
  const { rss } = await fetchXml(request, "/feeds/sections/politics/rss.xml", RSS);
  expect(rss.channel.item.find((i: { link: string }) => i.link === link).pubDate).toBe(new Date(OLDER_PUBLISHED).toUTCString());
});

test("a section with no published stories has a valid, empty feed", async ({ request }) => {
  const { rss } = await fetchXml(request, "/feeds/sections/opinion/rss.xml", RSS);
  expect(rss.channel.title).toBe("BreakingOn: Opinion");
  expect(rss.channel.item).toBeUndefined();
});

test("unknown or malformed sections and authors are 404", async ({ request }) => {
  for (const path of [
    "/feeds/sections/no-such-section/rss.xml",
    "/feeds/sections/no-such-section/atom.xml",
    "/feeds/authors/no-such-author/rss.xml",
    "/feeds/authors/NOT%20A%20SLUG/atom.xml",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
