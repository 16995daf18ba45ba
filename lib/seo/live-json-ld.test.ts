import { describe, expect, it } from "vitest";
import type { ArticleDetail } from "@/lib/dal/articles";
import type { LiveEntryView } from "@/lib/dal/live-entries";
import { serializeJsonLd } from "./json-ld";
import { entryAnchor, LIVE_JSON_LD_ENTRIES, liveBlogPostingJsonLd } from "./live-json-ld";

const site = { name: "BreakingOn", description: "Independent news.", language: "en" };
const options = { siteUrl: "https://news.example.com" };

const article: ArticleDetail = {
  id: "a1",
  slug: "storm-live",
  headline: "Storm hits the coast: live",
  standfirst: "Follow the storm as it happens.",
  publishedAt: new Date("2026-11-27T08:00:00.000Z"),
  updatedAt: null,
  section: { slug: "world", name: "World" },
  bylines: [{ slug: "jane-doe", name: "Jane Doe" }],
  hero: null,
  breaking: false,
  body: "Intro.",
  seoTitle: null,
  seoDescription: null,
  tags: [],
  corrections: [],
  workType: "NEWS",
  dateline: null,
  live: { startedAt: new Date("2026-11-27T08:05:00.000Z"), endedAt: null },
};

function entry(id: string, minute: number, changes: Partial<LiveEntryView> = {}): LiveEntryView {
  return {
    id,
    title: `Entry ${id}`,
    html: `<p>Text of ${id} &amp; more</p>`,
    keyEvent: false,
    pinned: false,
    publishedAt: new Date(Date.UTC(2026, 10, 27, 9, minute)),
    editedAt: null,
    bylines: [{ slug: "sam", name: "Sam Reporter" }],
    corrections: [],
    ...changes,
  };
}

describe("LiveBlogPosting", () => {
  it("names the coverage's start, no end while open, and each entry as a BlogPosting with its permalink", () => {
    const ld = liveBlogPostingJsonLd(article, [entry("e2", 30, { editedAt: new Date(Date.UTC(2026, 10, 27, 9, 45)) }), entry("e1", 10, { bylines: [], title: "" })], site, options);
    expect(ld["@type"]).toBe("LiveBlogPosting");
    expect(ld.coverageStartTime).toBe("2026-11-27T08:05:00.000Z");
    expect(ld).not.toHaveProperty("coverageEndTime");
    expect(ld.dateModified).toBe("2026-11-27T09:45:00.000Z");
    expect(ld.liveBlogUpdate).toHaveLength(2);
    expect(ld.liveBlogUpdate[0]).toMatchObject({
      "@type": "BlogPosting",
      headline: "Entry e2",
      url: `https://news.example.com/articles/storm-live#${entryAnchor("e2")}`,
      datePublished: "2026-11-27T09:30:00.000Z",
      dateModified: "2026-11-27T09:45:00.000Z",
      author: [{ "@type": "Person", name: "Sam Reporter", url: "https://news.example.com/authors/sam" }],
      articleBody: "Text of e2 & more",
    });
    // An entry without a title is headed by its text; without bylines, by the story's.
    expect(ld.liveBlogUpdate[1]).toMatchObject({ headline: "Text of e1 & more", author: [{ name: "Jane Doe" }] });
    expect(ld.publisher).toMatchObject({ "@type": "NewsMediaOrganization" });
  });

  it("names the end of an ended coverage, lists at most the newest entries, and serialises safely", () => {
    const ended = { ...article, live: { startedAt: null, endedAt: new Date("2026-11-27T18:00:00.000Z") } };
    const many = Array.from({ length: LIVE_JSON_LD_ENTRIES + 5 }, (_, i) => entry(`e${i}`, i % 60, { title: "</script><script>alert(1)</script>" }));
    const ld = liveBlogPostingJsonLd(ended, many, site, options);
    expect(ld.coverageStartTime).toBe(article.publishedAt.toISOString());
    expect(ld.coverageEndTime).toBe("2026-11-27T18:00:00.000Z");
    expect(ld.liveBlogUpdate).toHaveLength(LIVE_JSON_LD_ENTRIES);
    expect(serializeJsonLd(ld)).not.toContain("</script>");
  });
});
