import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "@/lib/dal/articles";
import { TopStories } from "./home";

function story(slug: string, hero = true): ArticleSummary {
  return {
    slug,
    headline: `Headline ${slug}`,
    standfirst: `Standfirst ${slug}`,
    publishedAt: new Date("2026-01-02T10:00:00Z"),
    section: { slug: "world", name: "World" },
    breaking: false,
    workType: "NEWS",
    hero: hero ? { src: `/media/${slug}.jpg`, alt: `Photo ${slug}`, width: 1200, height: 675, srcSet: null } : null,
  } as unknown as ArticleSummary;
}

const render = (home: { lead: ArticleSummary | null; secondary: ArticleSummary[]; latest: ArticleSummary[] }) =>
  renderToStaticMarkup(createElement(TopStories, { home, timeZone: "UTC" }));
/** The opening tags of every `tag` element in the markup, in order. */
const tags = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, "g"))].map((m) => m[0]);
const headlines = (html: string) => [...html.matchAll(/<h3[^>]*><a[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);

describe("the top of the home front", () => {
  it("gives a lone lead the whole row, its image beside its words, and no empty column", () => {
    const html = render({ lead: story("only"), secondary: [], latest: [] });
    const sections = tags(html, "section");
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain("lg:col-span-3");
    const [card] = tags(html, "article");
    expect(card).toContain('data-lead-story="only"');
    expect(card).toContain("lg:grid-cols-3");
    const [img] = tags(html, "img");
    expect(img).toContain("lg:col-span-2");
    expect(img).toContain('fetchPriority="high"');
    expect(headlines(html)).toEqual(["Headline only"]);
  });

  it("sets a lone lead without an image across the row: headline over two columns, standfirst in the third", () => {
    const html = render({ lead: story("plain", false), secondary: [], latest: [] });
    expect(tags(html, "section")[0]).toContain("lg:col-span-3");
    expect(tags(html, "article")[0]).toContain("lg:grid-cols-3");
    expect(tags(html, "img")).toHaveLength(0);
    // The headline's column ends before the standfirst's begins.
    const columns = tags(html, "div").slice(1); // after the front's own grid
    expect(columns[0]).toContain("lg:col-span-2");
    expect(html.indexOf("Headline plain")).toBeLessThan(html.indexOf(columns[1]));
    expect(html.indexOf("Standfirst plain")).toBeGreaterThan(html.indexOf(columns[1]));
  });

  it("sets the secondary stories beside the lead when there is no river", () => {
    const html = render({ lead: story("lead"), secondary: [story("two"), story("three")], latest: [] });
    const sections = tags(html, "section");
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain("lg:col-span-2");
    expect(sections[1]).toContain('aria-label="More top stories"');
    expect(headlines(html)).toEqual(["Headline lead", "Headline two", "Headline three"]);
    expect(tags(html, "article")[0]).not.toContain("lg:grid-cols-3");
  });

  it("puts the river beside the lead and the secondary stories under it", () => {
    const html = render({ lead: story("lead"), secondary: [story("two")], latest: [story("new")] });
    const sections = tags(html, "section");
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain("lg:col-span-2");
    expect(sections[1]).toContain('aria-labelledby="latest-heading"');
    // The secondary story sits inside the first section, before the river's.
    const riverAt = html.indexOf(sections[1]);
    expect(html.indexOf("Headline two")).toBeLessThan(riverAt);
    expect(html.indexOf("Headline new")).toBeGreaterThan(riverAt);
  });

  it("renders nothing without a lead", () => {
    expect(render({ lead: null, secondary: [], latest: [] })).toBe("");
  });
});
