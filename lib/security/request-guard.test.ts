import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { foreignOrigin, malformedPath, MAX_BODY_BYTES, oversizedBody, refusalResponse, refuseRequest } from "./request-guard";

const post = (headers: Record<string, string>, pathname = "/admin/media") => ({ method: "POST", pathname, headers: new Headers(headers) });

describe("request guard", () => {
  it("refuses malformed %-escapes and control characters in any path segment, and passes good paths", () => {
    for (const path of ["/articles/%ff", "/sections/%ff", "/tags/%", "/authors/%e2%82", "/media/abc/%ff", "/feeds/sections/%ff/rss.xml", "/articles/%c0%80", "/articles/a%00b", "/tags/%0a"]) {
      expect(malformedPath(path), path).toMatchObject({ status: 400 });
    }
    for (const path of ["/", "/articles/some-story", "/tags/caf%C3%A9", "/search", "/media/AbC_-12/w640.webp", "/feeds/rss.xml"]) {
      expect(malformedPath(path), path).toBeNull();
    }
  });

  it("refuses server-action posts from another origin or a null one, and lets same-origin and origin-less ones through", () => {
    const action = { "next-action": "x", host: "news.example" };
    expect(foreignOrigin(new Headers({ ...action, origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    expect(foreignOrigin(new Headers({ ...action, origin: "null" }))).toMatchObject({ status: 403 });
    expect(foreignOrigin(new Headers({ ...action, origin: "not a url" }))).toMatchObject({ status: 403 });
    expect(foreignOrigin(new Headers({ ...action, origin: "https://news.example" }))).toBeNull();
    expect(foreignOrigin(new Headers({ ...action, origin: "https://News.Example" }))).toBeNull();
    expect(foreignOrigin(new Headers({ ...action, host: "127.0.0.1:3000", "x-forwarded-host": "news.example", origin: "https://news.example" }))).toBeNull();
    expect(foreignOrigin(new Headers(action))).toBeNull();
    // No-JS form posts are server actions too; route handlers (next-auth) and GETs are not.
    expect(refuseRequest(post({ "content-type": "multipart/form-data; boundary=x", host: "news.example", origin: "null" }, "/"))).toMatchObject({ status: 403 });
    expect(refuseRequest(post({ "content-type": "application/x-www-form-urlencoded", host: "news.example", origin: "https://evil.example" }, "/"))).toMatchObject({ status: 403 });
    expect(refuseRequest(post({ "content-type": "application/x-www-form-urlencoded", host: "news.example", origin: "https://evil.example" }, "/api/auth/signout"))).toBeNull();
    expect(refuseRequest({ method: "GET", pathname: "/", headers: new Headers({ host: "news.example", origin: "https://evil.example" }) })).toBeNull();
  });

  it("answers bodies over the server-action limit with 413 and unsized action posts with 411", () => {
    expect(oversizedBody("POST", new Headers({ "content-length": String(MAX_BODY_BYTES + 1) }))).toMatchObject({ status: 413 });
    expect(oversizedBody("POST", new Headers({ "content-length": "junk" }))).toMatchObject({ status: 413 });
    expect(oversizedBody("POST", new Headers({ "content-length": String(MAX_BODY_BYTES) }))).toBeNull();
    expect(oversizedBody("POST", new Headers({ "transfer-encoding": "chunked", "next-action": "x" }))).toMatchObject({ status: 411 });
    expect(oversizedBody("POST", new Headers({ "transfer-encoding": "chunked", "content-type": "application/json" }))).toBeNull();
    expect(oversizedBody("GET", new Headers())).toBeNull();
  });

  it("uses the limit next.config.ts gives server actions and the proxy", () => {
    const mb = Number(/^(\d+)mb$/.exec(String(nextConfig.experimental?.serverActions?.bodySizeLimit))?.[1]);
    expect(mb * 1024 * 1024).toBe(MAX_BODY_BYTES);
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(nextConfig.experimental?.serverActions?.bodySizeLimit);
  });

  it("answers browsers with an escaped page and everything else with plain text", async () => {
    const refusal = { status: 400 as const, title: "Bad <request>", message: "Not <b>valid</b>." };
    const page = refusalResponse(refusal, "text/html,application/xhtml+xml");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("<h1>Bad &#60;request&#62;</h1>");
    expect(html).not.toContain("<b>");
    const text = refusalResponse(refusal, "*/*");
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toBe("Not <b>valid</b>.\n");
  });
});
