// Every feed (RSS and Atom; site, section and author) and every sitemap must be well-formed XML under libxml2's
// strict parser, whatever names, headlines and bodies staff typed. Atom's <category label="…"> once carried a raw
// `<` (24 of 100 feeds broke), and a second `]]>` in a headline ended its CDATA section early.
import { describe, expect, it } from "vitest";
import { xmllintProblem, xmlProblem } from "@/lib/testing/xml-strict";
import { renderMarkdown } from "@/lib/content/markdown";
import { buildFeed, type FeedDocument, type FeedEntry, type FeedFormat, type FeedScope } from "./feeds";
import { newsSitemapXml, sitemapIndexXml, urlsetXml } from "./sitemaps";
import { escapeXml, stripInvalidXmlChars } from "./xml";

const SITE_URL = "https://news.example.com";

const HOSTILE: [string, string][] = [
  ["less-than", "Tom <Jerry>"],
  ["tag-like", '<category label="x">'],
  ["ampersand", "Fish & Chips &amp; &#0; &bogus;"],
  ["quotes", `"double" 'single'`],
  ["CDATA end", "a]]>b"],
  ["two CDATA ends", "]]>x]]>y]]>"],
  ["CDATA open", "<![CDATA[ inner ]]> after"],
  ["NUL", "nul\u0000byte"],
  ["C0 controls", Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("")],
  ["DEL and C1", "\u007f\u0085\u009f"],
  ["lone high surrogate", "lone \ud800 high"],
  ["lone low surrogate", "lone \udc00 low"],
  ["reversed pair", "\udc00\ud800"],
  ["U+FFFE and U+FFFF", "non\uFFFEchar\uFFFF"],
  ["astral", "emoji 😀 𝔘"],
  ["processing instruction", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e 'boom'>]>&e;"],
  ["comment", "<!-- c --> --"],
  ["everything", "<&>\"']]>\u0000\ud800\uFFFF"],
];

function entry(text: string, i: number, bodyHtml: string): FeedEntry {
  return {
    id: `ck${i}`,
    slug: `story-${i}`,
    headline: text,
    standfirst: text,
    bodyHtml,
    publishedAt: new Date("2025-08-09T12:00:00.000Z"),
    updatedAt: null,
    section: { slug: `section-${i}`, name: text },
    bylines: [{ slug: `author-${i}`, name: text }],
    tags: [
      { slug: `tag-${i}`, name: text },
      { slug: `tag-${i}-b`, name: `${text} <b>` },
    ],
    hero: { src: `/media/k${i}`, width: 10, height: 10, alt: text, caption: text, credit: text, mimeType: "image/png", bytes: 1 },
  };
}

async function hostileDoc(text: string, scope: FeedScope, fullContent: boolean): Promise<FeedDocument> {
  const bodyHtml = await renderMarkdown(`## ${text}\n\n${text}\n\n> ${text}\n\n- ${text}\n\n\`${text}\`\n\n[${text}](/x "${text}")`);
  return {
    site: { name: text, description: text, language: "en", copyright: text, fullContent },
    scope,
    channel: scope.kind === "site" ? null : { name: text, description: text },
    entries: [entry(text, 1, bodyHtml), entry("Calm", 2, "<p>Calm</p>")],
  };
}

const SCOPES: FeedScope[] = [{ kind: "site" }, { kind: "section", slug: "world" }, { kind: "author", slug: "jane" }];
const FORMATS: FeedFormat[] = ["rss", "atom"];

describe("feeds parse strictly under hostile names, headlines and bodies", () => {
  it.each(HOSTILE)("%s", async (_name, text) => {
    const problems: string[] = [];
    for (const scope of SCOPES) {
      for (const format of FORMATS) {
        for (const fullContent of [true, false]) {
          const xml = buildFeed(await hostileDoc(text, scope, fullContent), format, { siteUrl: SITE_URL });
          const problem = xmlProblem(xml);
          if (problem) problems.push(`${format} ${scope.kind} fullContent=${fullContent}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps the text: a `<` in a category label and every `]]>` in a title survive the round trip", async () => {
    const atom = buildFeed(await hostileDoc("a<b", { kind: "site" }, true), "atom", { siteUrl: SITE_URL });
    expect(atom).toContain('label="a&lt;b"');
    expect(atom).toContain('label="a&lt;b &lt;b>"');
    const rss = buildFeed(await hostileDoc("]]>x]]>y", { kind: "site" }, true), "rss", { siteUrl: SITE_URL });
    expect(rss).toContain("<title><![CDATA[]]]]><![CDATA[>x]]]]><![CDATA[>y]]></title>");
  });
});

describe("sitemaps parse strictly under hostile titles, names and paths", () => {
  it.each(HOSTILE)("%s", (_name, text) => {
    const news = newsSitemapXml([{ path: `/articles/${text}`, title: text, publishedAt: new Date() }], { name: text, language: text }, SITE_URL);
    const urlset = urlsetXml([{ path: `/sections/${text}`, lastModified: new Date() }, { path: "/", lastModified: null }], SITE_URL);
    const index = sitemapIndexXml([`${SITE_URL}/sitemaps/${text}.xml`]);
    expect([xmlProblem(news), xmlProblem(urlset), xmlProblem(index)]).toEqual([null, null, null]);
  });
});

describe("the in-process parser (libxml2 as WebAssembly) gives Debian's xmllint's verdicts", () => {
  it("on every hostile text put raw into a document, escaped into one, and in a feed", async () => {
    const documents: [string, string][] = [];
    for (const [name, text] of HOSTILE) {
      documents.push([`${name}, raw`, `<?xml version="1.0"?><x>${text}</x>`]);
      documents.push([`${name}, raw in an attribute`, `<x a="${text}"/>`]);
      documents.push([`${name}, escaped`, `<x a="${escapeXml(text)}">${escapeXml(text)}</x>`]);
      documents.push([`${name}, RSS`, buildFeed(await hostileDoc(text, { kind: "site" }, true), "rss", { siteUrl: SITE_URL })]);
    }
    documents.push(["mismatched tags", "<rss><a></rss>"], ["two roots", "<x/><y/>"], ["empty", ""], ["duplicate attribute", '<x a="1" a="2"/>']);
    const verdicts = documents.map(([name, xml]) => [name, xmlProblem(xml) === null, xmllintProblem(xml) === null] as const);
    expect(verdicts.filter(([, wasm, cli]) => wasm !== cli).map(([name, wasm]) => `${name}: in-process ${wasm ? "accepts" : "rejects"}, xmllint does not`)).toEqual([]);
    // Both must be able to say no: the raw hostile texts include many that are not well-formed.
    expect(verdicts.filter(([, wasm]) => !wasm).length).toBeGreaterThan(10);
    expect(verdicts.filter(([, wasm]) => wasm).length).toBeGreaterThan(10);
  });
});

describe("stripInvalidXmlChars", () => {
  it("drops C0 controls, lone surrogates and U+FFFE/U+FFFF, and keeps tabs, newlines and astral characters", () => {
    expect(stripInvalidXmlChars("a\u0000b\u000Bc\td\ne\rf")).toBe("abc\td\ne\rf");
    expect(stripInvalidXmlChars("x\ud800y\udc00z\uFFFE\uFFFF")).toBe("xyz");
    expect(stripInvalidXmlChars("😀 \u{10FFFF} \uE000 \uFFFD")).toBe("😀 \u{10FFFF} \uE000 \uFFFD");
    expect(escapeXml("<a&\ud800>")).toBe("&lt;a&amp;&gt;");
  });
});
