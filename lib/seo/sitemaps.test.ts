import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  chunkCount,
  newsLanguage,
  newsSitemapXml,
  parseSitemapChunk,
  SITEMAP_CHUNK_SIZE,
  sitemapChunkPath,
  sitemapIndexXml,
  urlsetXml,
} from "./sitemaps";
import { escapeXml } from "./xml";

const SITE_URL = "https://news.example.com";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["url", "sitemap"].includes(name) });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(xml);
}

describe("sitemap index", () => {
  it("lists each chunk's absolute location", () => {
    const xml = sitemapIndexXml([`${SITE_URL}${sitemapChunkPath("articles", 1)}`, `${SITE_URL}${sitemapChunkPath("pages", 1)}`]);
    const { sitemapindex } = parse(xml);
    expect(sitemapindex["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(sitemapindex.sitemap).toEqual([{ loc: `${SITE_URL}/sitemaps/articles-1.xml` }, { loc: `${SITE_URL}/sitemaps/pages-1.xml` }]);
  });
});

describe("urlset", () => {
  it("writes loc and, when known, lastmod in W3C datetime", () => {
    const { urlset } = parse(
      urlsetXml(
        [
          { path: "/", lastModified: new Date("2025-08-09T12:00:00.000Z") },
          { path: "/tags/a&b", lastModified: null },
        ],
        SITE_URL,
      ),
    );
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset.url).toEqual([{ loc: `${SITE_URL}/`, lastmod: "2025-08-09T12:00:00.000Z" }, { loc: `${SITE_URL}/tags/a&b` }]);
  });
});

describe("Google News sitemap", () => {
  it("names the publication, language, date and title of each story", () => {
    const xml = newsSitemapXml(
      [{ path: "/articles/x", title: "Tariffs <rise> & markets", publishedAt: new Date("2025-08-09T12:00:00.000Z") }],
      { name: "BreakingOn", language: "en-US" },
      SITE_URL,
    );
    const { urlset } = parse(xml);
    expect(urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(urlset.url).toEqual([
      {
        loc: `${SITE_URL}/articles/x`,
        "news:news": {
          "news:publication": { "news:name": "BreakingOn", "news:language": "en" },
          "news:publication_date": "2025-08-09T12:00:00.000Z",
          "news:title": "Tariffs <rise> & markets",
        },
      },
    ]);
  });

  it("is a valid empty urlset when nothing is recent", () => {
    expect(parse(newsSitemapXml([], { name: "BreakingOn", language: "en" }, SITE_URL)).urlset.url).toBeUndefined();
  });

  it("uses Google's language codes", () => {
    expect(newsLanguage("en")).toBe("en");
    expect(newsLanguage("en-GB")).toBe("en");
    expect(newsLanguage("pt_BR")).toBe("pt");
    expect(newsLanguage("zh-TW")).toBe("zh-tw");
    expect(newsLanguage("zh-Hant")).toBe("zh-tw");
    expect(newsLanguage("zh")).toBe("zh-cn");
  });
});

describe("chunks", () => {
  it("parses only well-formed chunk names", () => {
    expect(parseSitemapChunk("articles-1.xml")).toEqual({ kind: "articles", chunk: 1 });
    expect(parseSitemapChunk("pages-12.xml")).toEqual({ kind: "pages", chunk: 12 });
    for (const bad of ["articles-0.xml", "articles-01.xml", "articles-1", "tags-1.xml", "articles--1.xml", "articles-1.xml.gz", "articles-9999999.xml"]) {
      expect(parseSitemapChunk(bad), bad).toBeNull();
    }
  });

  it("needs one chunk per 50,000 URLs", () => {
    expect(SITEMAP_CHUNK_SIZE).toBe(50_000);
    expect(chunkCount(0)).toBe(0);
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(50_000)).toBe(1);
    expect(chunkCount(50_001)).toBe(2);
    expect(chunkCount(5, 2)).toBe(3);
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u000Bc\td\ne")).toBe("abc\td\ne");
    expect(escapeXml("emoji 🔥 stays")).toBe("emoji 🔥 stays");
  });
});
