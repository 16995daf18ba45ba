import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown";
import {
  absolutizeHtml,
  buildFeed,
  entryId,
  escapeHtml,
  feedAlternates,
  feedPath,
  type FeedDocument,
  type FeedEntry,
} from "./feeds";

const SITE_URL = "https://news.example.com";
const BODY_HTML = await renderMarkdown("## What happened\n\nSee [the report](/articles/report) and ![map](/media/map.png).\n\n<script>alert(1)</script>");
const NOW = new Date("2025-09-01T00:00:00.000Z");

const LISTS = new Set([
  "rss.channel.item",
  "rss.channel.item.category",
  "feed.link",
  "feed.author",
  "feed.entry",
  "feed.entry.link",
  "feed.entry.author",
  "feed.entry.category",
]);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (_name, jpath) => LISTS.has(String(jpath)) });

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: "ckarticle1",
    slug: "cartels",
    headline: "Cartels & the \"border\" <policy>",
    standfirst: "Officials weigh options — and risks.",
    bodyHtml: BODY_HTML,
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
    site: { name: "BreakingOn", description: "Independent news.", language: "en", copyright: "© BreakingOn", fullContent: true },
    scope: { kind: "site" },
    channel: null,
    entries: [
      entry({ id: "ckarticle2", slug: "newer", headline: "Newer", publishedAt: new Date("2025-08-10T09:00:00.000Z"), updatedAt: new Date("2025-08-11T15:30:00.000Z") }),
      entry(),
    ],
    ...overrides,
  };
}

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe("RSS 2.0", () => {
  const xml = buildFeed(doc(), "rss", { siteUrl: SITE_URL, now: NOW });
  const { rss } = parse(xml);
  const channel = rss.channel;
  const [newer, older] = channel.item;

  it("is a valid RSS 2.0 channel about the site, linking to itself", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(rss["@version"]).toBe("2.0");
    expect(channel.title).toBe("BreakingOn");
    expect(channel.link).toBe(`${SITE_URL}/`);
    expect(channel.description).toBe("Independent news.");
    expect(channel.language).toBe("en");
    expect(channel.copyright).toBe("© BreakingOn");
    expect(channel["atom:link"]).toMatchObject({ "@href": `${SITE_URL}/feeds/rss.xml`, "@rel": "self", "@type": "application/rss+xml" });
    expect(channel.image.url).toBe(`${SITE_URL}/publisher-logo.png`);
  });

  it("dates the channel by its newest change and each item by its publication", () => {
    expect(channel.lastBuildDate).toBe("Mon, 11 Aug 2025 15:30:00 GMT");
    expect(newer.pubDate).toBe("Sun, 10 Aug 2025 09:00:00 GMT");
    expect(older.pubDate).toBe("Sat, 09 Aug 2025 12:00:00 GMT");
  });

  it("gives each item its link, a stable guid, authors, categories and summary", () => {
    expect(older.title).toBe('Cartels & the "border" <policy>');
    expect(older.link).toBe(`${SITE_URL}/articles/cartels`);
    expect(older.guid).toMatchObject({ "#text": "tag:news.example.com,2025-08-09:articles/ckarticle1", "@isPermaLink": "false" });
    expect(older["dc:creator"]["#text"]).toBe("Jane Doe, BreakingOn Newsroom");
    expect(older).not.toHaveProperty("author");
    expect(older.category).toEqual(["World", "Mexico"]);
    expect(older.description).toBe("Officials weigh options — and risks.");
  });

  it("carries the full story, sanitised, with absolute links", () => {
    const html: string = older["content:encoded"];
    expect(html).toContain('<h2 id="what-happened">What happened</h2>');
    expect(html).toContain(`href="${SITE_URL}/articles/report"`);
    expect(html).toContain(`src="${SITE_URL}/media/map.png"`);
    expect(html).not.toContain("<script");
  });

  it("declares the namespaces it uses", () => {
    expect(rss["@xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
  });
});

describe("Atom 1.0", () => {
  const { feed } = parse(buildFeed(doc(), "atom", { siteUrl: SITE_URL, now: NOW }));
  const [newer, older] = feed.entry;

  it("is an Atom feed with id, title, updated, author and self link", () => {
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${SITE_URL}/`);
    expect(feed.title).toBe("BreakingOn");
    expect(feed.updated).toBe("2025-08-11T15:30:00.000Z");
    expect(feed.author[0]).toEqual({ name: "BreakingOn", uri: `${SITE_URL}/` });
    expect(feed.link).toEqual([
      { "@rel": "alternate", "@href": `${SITE_URL}/` },
      { "@rel": "self", "@href": `${SITE_URL}/feeds/atom.xml` },
    ]);
  });

  it("dates entries: updated = substantive update or publication, published = publication", () => {
    expect(newer.published).toBe("2025-08-10T09:00:00.000Z");
    expect(newer.updated).toBe("2025-08-11T15:30:00.000Z");
    expect(older.published).toBe("2025-08-09T12:00:00.000Z");
    expect(older.updated).toBe("2025-08-09T12:00:00.000Z");
  });

  it("escapes the HTML-typed title and names each author with their page", () => {
    expect(older.title).toMatchObject({ "@type": "html", "#text": "Cartels &#38; the &#34;border&#34; &#60;policy&#62;" });
    expect(older.id).toBe("tag:news.example.com,2025-08-09:articles/ckarticle1");
    expect(older.author).toEqual([
      { name: "Jane Doe", uri: `${SITE_URL}/authors/jane-doe` },
      { name: "BreakingOn Newsroom", uri: `${SITE_URL}/authors/newsroom` },
    ]);
    expect(older.category).toEqual([
      { "@label": "World", "@term": "world" },
      { "@label": "Mexico", "@term": "mexico" },
    ]);
    expect(older.content["@type"]).toBe("html");
    expect(older.summary["#text"]).toBe("Officials weigh options — and risks.");
  });
});

describe("summary-only feeds (feedFullContent off)", () => {
  const summaryDoc = doc({ site: { ...doc().site, fullContent: false } });

  it("RSS carries the standfirst and no body", () => {
    const xml = buildFeed(summaryDoc, "rss", { siteUrl: SITE_URL });
    const item = parse(xml).rss.channel.item[1];
    expect(item.description).toBe("Officials weigh options — and risks.");
    expect(item).not.toHaveProperty("content:encoded");
    expect(xml).not.toContain("What happened");
    // dc:creator still parses: its namespace travels with the element.
    expect(item["dc:creator"]["#text"]).toBe("Jane Doe, BreakingOn Newsroom");
  });

  it("Atom carries a summary and no content", () => {
    const entry = parse(buildFeed(summaryDoc, "atom", { siteUrl: SITE_URL })).feed.entry[1];
    expect(entry.summary["#text"]).toBe("Officials weigh options — and risks.");
    expect(entry).not.toHaveProperty("content");
  });
});

describe("section and author feeds", () => {
  it("title, link and self link follow the section", () => {
    const sectionDoc = doc({ scope: { kind: "section", slug: "world" }, channel: { name: "World", description: "International news." } });
    const rss = parse(buildFeed(sectionDoc, "rss", { siteUrl: SITE_URL })).rss.channel;
    expect(rss.title).toBe("BreakingOn: World");
    expect(rss.link).toBe(`${SITE_URL}/sections/world`);
    expect(rss.description).toBe("International news.");
    expect(rss["atom:link"]["@href"]).toBe(`${SITE_URL}/feeds/sections/world/rss.xml`);
  });

  it("an author without a bio falls back to the site description", () => {
    const authorDoc = doc({ scope: { kind: "author", slug: "jane-doe" }, channel: { name: "Jane Doe", description: "" } });
    const feed = parse(buildFeed(authorDoc, "atom", { siteUrl: SITE_URL })).feed;
    expect(feed.title).toBe("BreakingOn: Jane Doe");
    expect(feed.subtitle).toBe("Independent news.");
    expect(feed.link[1]["@href"]).toBe(`${SITE_URL}/feeds/authors/jane-doe/atom.xml`);
  });

  it("an empty feed is valid and dated now", () => {
    const empty = doc({ entries: [] });
    expect(parse(buildFeed(empty, "atom", { siteUrl: SITE_URL, now: NOW })).feed.updated).toBe(NOW.toISOString());
    expect(parse(buildFeed(empty, "rss", { siteUrl: SITE_URL, now: NOW })).rss.channel.lastBuildDate).toBe(NOW.toUTCString());
  });
});

describe("hero pictures", () => {
  const hero = { src: "/media/k1", width: 1600, height: 900, alt: "A \"border\" post", caption: "Dawn", credit: "Photo: AP", mimeType: "image/jpeg", bytes: 12345 };

  it("RSS gets an enclosure with the stored type and size; full content shows the figure", () => {
    const item = parse(buildFeed(doc({ entries: [entry({ hero })] }), "rss", { siteUrl: SITE_URL })).rss.channel.item[0];
    expect(item.enclosure).toEqual({ "@url": `${SITE_URL}/media/k1`, "@type": "image/jpeg", "@length": "12345" });
    expect(item["content:encoded"]).toContain(
      `<figure><img src="${SITE_URL}/media/k1" alt="A &#34;border&#34; post" width="1600" height="900"><figcaption>Dawn Photo: AP</figcaption></figure>`,
    );
  });

  it("Atom gets no guessed enclosure", () => {
    const atomEntry = parse(buildFeed(doc({ entries: [entry({ hero })] }), "atom", { siteUrl: SITE_URL })).feed.entry[0];
    expect(atomEntry.link).toEqual([{ "@href": `${SITE_URL}/articles/cartels` }]);
  });
});

it("drops characters XML cannot carry", () => {
  const xml = buildFeed(doc({ entries: [entry({ headline: "Line\u000Bbreak", standfirst: "Nul\u0000here" })] }), "rss", { siteUrl: SITE_URL });
  const item = parse(xml).rss.channel.item[0];
  expect(item.title).toBe("Linebreak");
  expect(item.description).toBe("Nulhere");
});

describe("helpers", () => {
  it("feedPath", () => {
    expect(feedPath({ kind: "site" }, "rss")).toBe("/feeds/rss.xml");
    expect(feedPath({ kind: "site" }, "atom")).toBe("/feeds/atom.xml");
    expect(feedPath({ kind: "section", slug: "world" }, "rss")).toBe("/feeds/sections/world/rss.xml");
    expect(feedPath({ kind: "author", slug: "jane" }, "atom")).toBe("/feeds/authors/jane/atom.xml");
  });

  it("feedAlternates lists each feed under its MIME type", () => {
    expect(feedAlternates([{ kind: "section", slug: "world", title: "BreakingOn: World" }, { kind: "site", title: "BreakingOn" }])).toEqual({
      "application/rss+xml": [
        { url: "/feeds/sections/world/rss.xml", title: "BreakingOn: World (RSS)" },
        { url: "/feeds/rss.xml", title: "BreakingOn (RSS)" },
      ],
      "application/atom+xml": [
        { url: "/feeds/sections/world/atom.xml", title: "BreakingOn: World (Atom)" },
        { url: "/feeds/atom.xml", title: "BreakingOn (Atom)" },
      ],
      "application/feed+json": [
        { url: "/feeds/sections/world/feed.json", title: "BreakingOn: World (JSON Feed)" },
        { url: "/feeds/feed.json", title: "BreakingOn (JSON Feed)" },
      ],
    });
  });

  it("absolutizeHtml touches only root-relative href and src", () => {
    expect(absolutizeHtml('<a href="/x">a</a><a href="//cdn/x">b</a><a href="#f">c</a><img src="/m.png"><a href="https://o/">d</a>', SITE_URL)).toBe(
      `<a href="${SITE_URL}/x">a</a><a href="//cdn/x">b</a><a href="#f">c</a><img src="${SITE_URL}/m.png"><a href="https://o/">d</a>`,
    );
  });

  it("escapeHtml and entryId", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
    expect(entryId({ id: "abc", publishedAt: new Date("2024-02-29T23:59:59Z") }, "http://127.0.0.1:3400")).toBe(
      "tag:127.0.0.1,2024-02-29:articles/abc",
    );
  });
});
