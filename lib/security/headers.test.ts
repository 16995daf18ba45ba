import { describe, expect, it } from "vitest";
import { nextConfig } from "@/next.config";
import { contentSecurityPolicy, securityHeaders, servedOverHttps } from "./headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("security headers", () => {
  it("locks the policy down without a per-request nonce", () => {
    const csp = directives(contentSecurityPolicy({ https: false }));
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(contentSecurityPolicy({ https: false })).not.toMatch(/nonce|unsafe-eval|\*/);
    expect(directives(contentSecurityPolicy({ https: false, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("sends HSTS and upgrades requests only over HTTPS", () => {
    const plain = Object.fromEntries(securityHeaders({ https: false }).map((h) => [h.key, h.value]));
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Permissions-Policy"]).toContain("geolocation=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = Object.fromEntries(securityHeaders({ https: true }).map((h) => [h.key, h.value]));
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(servedOverHttps("https://news.example")).toBe(true);
    expect(servedOverHttps("http://news.example")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
    expect(servedOverHttps("not a url")).toBe(false);
  });

  it("applies to every path through next.config.ts", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0].source).toBe("/:path*");
    expect(rules[0].headers.map((h) => h.key)).toContain("Content-Security-Policy");
  });
});
