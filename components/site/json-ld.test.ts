import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { breadcrumbJsonLd, webSiteJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "./json-ld";

const options = { siteUrl: "https://news.example.com" };

describe("JsonLd", () => {
  it("renders one ld+json script per document", () => {
    const html = renderToStaticMarkup(
      createElement(JsonLd, {
        data: [webSiteJsonLd({ name: "BreakingOn", description: "", language: "en" }, options), breadcrumbJsonLd([], options)],
      }),
    );
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    expect(scripts.map((s) => s["@type"])).toEqual(["WebSite", "BreadcrumbList"]);
  });

  it("cannot be closed early by the data", () => {
    const hostile = "</script><img src=x onerror=alert(1)>";
    const html = renderToStaticMarkup(
      createElement(JsonLd, { data: breadcrumbJsonLd([{ name: hostile, path: "/" }], options) }),
    );
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain("<img");
    const body = /<script type="application\/ld\+json">(.*)<\/script>/.exec(html)![1];
    expect(JSON.parse(body).itemListElement[0].name).toBe(hostile);
  });
});
