import { describe, expect, it } from "vitest";
import { isSameSite, safeCallbackUrl, sameSiteRedirect } from "./callback-url";

const HOSTILE = [
  "https://evil.example/admin",
  "//evil.example/admin",
  "/\\evil.example",
  "/\\/evil.example/admin",
  "\\\\evil.example",
  "http://127.0.0.1.evil.test/",
  "http://127.0.0.1:3000.evil.test/admin",
  "https://localhost:3000@evil.test/admin",
  "http://localhost:3000@evil.test",
  "/\t/evil.test/admin",
  "/admin\n//evil.test",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http://[::1",
  "http://%zz",
  "%",
];

describe("safeCallbackUrl", () => {
  it("returns to newsroom paths only", () => {
    expect(safeCallbackUrl("/admin/stories/abc?tab=history")).toBe("/admin/stories/abc?tab=history");
    expect(safeCallbackUrl(["/admin/media"])).toBe("/admin/media");
    expect(safeCallbackUrl("/admin")).toBe("/admin");
    for (const hostile of [...HOSTILE, "/articles/x", "", undefined, null, "/admin/login?callbackUrl=x", "/admin/setup", "/admin/../articles/x"]) {
      expect(safeCallbackUrl(hostile), String(hostile)).toBe("/admin");
    }
  });
});

describe("sameSiteRedirect (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3000";
  it("keeps paths and addresses on this site", () => {
    expect(sameSiteRedirect("/admin/login?email=a%40b.example", base)).toBe(`${base}/admin/login?email=a%40b.example`);
    expect(sameSiteRedirect(`${base}/admin/stories`, base)).toBe(`${base}/admin/stories`);
  });

  it("sends every other address, and anything unparseable, to the newsroom on this site, never throwing", () => {
    for (const hostile of HOSTILE) {
      const target = sameSiteRedirect(hostile, base);
      expect(new URL(target).origin, hostile).toBe(base);
      expect(new URL(target).pathname.startsWith("//"), hostile).toBe(false);
    }
    expect(sameSiteRedirect("//evil.test", base)).toBe(`${base}/admin`);
    expect(sameSiteRedirect("http://127.0.0.1.evil.test/", base)).toBe(`${base}/admin`);
    expect(sameSiteRedirect("https://localhost:3000@evil.test", base)).toBe(`${base}/admin`);
  });
});

describe("isSameSite", () => {
  it("accepts this site's paths and addresses, and nothing else", () => {
    const base = "http://127.0.0.1:3000";
    expect(isSameSite("/admin", base)).toBe(true);
    expect(isSameSite(`${base}/admin/login`, base)).toBe(true);
    // "%" is just an odd path here ("/%"), harmless.
    for (const hostile of HOSTILE.filter((value) => value !== "%")) expect(isSameSite(hostile, base), hostile).toBe(false);
  });
});
