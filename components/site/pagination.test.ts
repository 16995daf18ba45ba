import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CorrectionsPage } from "@/lib/dal/corrections";
import { CorrectionsList } from "./corrections-list";
import { Pagination } from "./pagination";

const hrefs = (html: string) =>
  [...html.matchAll(/<a [^>]*>/g)].map(([tag]) => `${/rel="(\w+)"/.exec(tag)?.[1]} ${/href="([^"]+)"/.exec(tag)?.[1].replace(/&amp;/g, "&")}`);

describe("Pagination", () => {
  it("pages a path by ?page=, page 1 without it, keeping other parameters", () => {
    const html = renderToStaticMarkup(createElement(Pagination, { basePath: "/search", params: { q: "cartels" }, page: 2, pageCount: 3 }));
    expect(hrefs(html)).toEqual(["prev /search?q=cartels", "next /search?q=cartels&page=3"]);
    expect(html).toContain("Page 2 of 3");
  });

  it("takes each page's URL from hrefFor when the list has its own scheme", () => {
    const hrefFor = (n: number) => (n === 1 ? "/corrections" : `/corrections/page/${n}`);
    const html = renderToStaticMarkup(createElement(Pagination, { hrefFor, page: 2, pageCount: 3 }));
    expect(hrefs(html)).toEqual(["prev /corrections", "next /corrections/page/3"]);
  });

  it("shows nothing for a single page", () => {
    expect(renderToStaticMarkup(createElement(Pagination, { basePath: "/", page: 1, pageCount: 1 }))).toBe("");
  });
});

describe("CorrectionsList", () => {
  it("pages through /corrections/page/N with the shared pagination", () => {
    const corrections: CorrectionsPage = { items: [], page: 2, pageCount: 3, total: 41 };
    const html = renderToStaticMarkup(createElement(CorrectionsList, { corrections, timeZone: "UTC" }));
    expect(hrefs(html)).toEqual(["prev /corrections", "next /corrections/page/3"]);
    expect(html).toContain('aria-label="Pagination"');
  });
});
