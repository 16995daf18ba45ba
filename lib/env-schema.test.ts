import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env-schema";

const SECRET = "x".repeat(32);

describe("parseEnv", () => {
  it("runs with no configuration at all on the embedded database", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/breakingon.db");
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.PORT).toBe(3000);
  });

  it("derives SITE_URL from PORT and trims a trailing slash", () => {
    expect(parseEnv({ PORT: "4100" }).SITE_URL).toBe("http://localhost:4100");
    expect(parseEnv({ SITE_URL: "https://news.example.com/" }).SITE_URL).toBe("https://news.example.com");
  });

  it("refuses to serve in production without a real NEXTAUTH_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET must be set .* openssl rand/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/at least 32/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET }).NEXTAUTH_SECRET).toBe(SECRET);
  });

  it("lets a production build run without the secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("names a malformed DATABASE_URL and the fix", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL: DATABASE_URL must start with file:/);
    expect(() => parseEnv({ SITE_URL: "not a url" })).toThrow(/SITE_URL must be an absolute URL/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
  });

  it("reads TRUST_PROXY_HOPS as a whole number of proxies from 0 to 10, 0 by default", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: "1" }).TRUST_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUST_PROXY_HOPS: "10" }).TRUST_PROXY_HOPS).toBe(10);
    for (const bad of ["-1", "11", "1.5", "one", "yes"]) {
      expect(() => parseEnv({ TRUST_PROXY_HOPS: bad }), bad).toThrow(/TRUST_PROXY_HOPS must be a whole number from 0 to 10/);
    }
  });

  it("takes an OPS_TOKEN of 32+ printable characters, and a log format and level from fixed lists", () => {
    expect(parseEnv({}).OPS_TOKEN).toBeUndefined();
    expect(parseEnv({ OPS_TOKEN: "a".repeat(32) }).OPS_TOKEN).toBe("a".repeat(32));
    expect(() => parseEnv({ OPS_TOKEN: "short" })).toThrow(/OPS_TOKEN must be at least 32 random characters/);
    expect(() => parseEnv({ OPS_TOKEN: `${"a".repeat(32)} b` })).toThrow(/OPS_TOKEN may hold printable ASCII/);
    expect(parseEnv({}).LOG_LEVEL).toBe("info");
    expect(parseEnv({ LOG_FORMAT: "pretty", LOG_LEVEL: "debug" })).toMatchObject({ LOG_FORMAT: "pretty", LOG_LEVEL: "debug" });
    expect(() => parseEnv({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT must be json or pretty/);
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
  });
});
