import { describe, expect, it } from "vitest";
import { nextConfig } from "@/next.config";
import { foreignOrigin, malformedMultipart, malformedPath, MAX_BODY_BYTES, needsBodyCheck, oversizedBody, refusalResponse, refuseRequest } from "./request-guard";

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

  it("refuses a multipart form whose part headers hold a control character, such as a NUL in a file name", async () => {
    const type = "multipart/form-data; boundary=----XYZ";
    const form = (filename: string, content = "\u0000\u0001 binary bytes may hold anything\r\n\r\n") =>
      new TextEncoder().encode(
        `------XYZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,"$K1"]\r\n` +
          `------XYZ\r\nContent-Disposition: form-data; name="1_file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n${content}\r\n------XYZ--\r\n`,
      );
    expect(await malformedMultipart(type, form("a\u0000b.jpg"))).toMatchObject({ status: 400 });
    expect(await malformedMultipart(type, form("a\u001fb.jpg"))).toMatchObject({ status: 400 });
    expect(await malformedMultipart(type, form("a\u007fb.jpg"))).toMatchObject({ status: 400 });
    expect(await malformedMultipart(type, form("plain name.jpg"))).toBeNull();
    expect(await malformedMultipart(type, form("café\tphoto.jpg"))).toBeNull();
    expect(await malformedMultipart('multipart/form-data; boundary="----XYZ"', form("a\u0000b.jpg"))).toMatchObject({ status: 400 });
    expect(await malformedMultipart("application/x-www-form-urlencoded", form("a\u0000b.jpg"))).toBeNull();

    const action = { method: "POST", pathname: "/admin/media", headers: new Headers({ "content-type": type }) };
    expect(needsBodyCheck(action)).toBe(true);
    expect(needsBodyCheck({ ...action, pathname: "/api/auth/callback/credentials" })).toBe(false);
    expect(needsBodyCheck({ ...action, headers: new Headers({ "content-type": "application/json" }) })).toBe(false);
  });

  it("scans bodies at the limit, of any shape, in slices that leave the event loop free", async () => {
    const type = "multipart/form-data; boundary=----XYZ";
    const encoder = new TextEncoder();
    const head = encoder.encode('------XYZ\r\nContent-Disposition: form-data; name="1_file"; filename="big.jpg"\r\n\r\n');
    const dashes = new Uint8Array(MAX_BODY_BYTES);
    dashes.set(head);
    dashes.fill(0x2d, head.length);
    const part = '------XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n';
    const manyParts = encoder.encode(part.repeat(Math.floor(MAX_BODY_BYTES / part.length)));
    const lateNul = encoder.encode(part.repeat(50_000) + '------XYZ\r\nContent-Disposition: form-data; name="1_file"; filename="\u0000"\r\n\r\nx\r\n------XYZ--');
    for (const [body, expected] of [[dashes, null], [manyParts, null], [lateNul, 400]] as const) {
      // Counts the turns the event loop gets while the scan runs (a timing bound would flake on a busy machine).
      let turns = 0;
      let running = true;
      const tick = () => {
        turns++;
        if (running) setImmediate(tick);
      };
      setImmediate(tick);
      const refusal = await malformedMultipart(type, body);
      running = false;
      expect(refusal?.status ?? null).toBe(expected);
      expect(turns).toBeGreaterThanOrEqual(10);
    }
    expect(await malformedMultipart(type, encoder.encode(`------XYZ\r\nX: ${"a".repeat(20_000)}\r\n\r\n`))).toMatchObject({ status: 400 });
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
