import { describe, expect, it } from "vitest";
import { internalSecret, isValidRevalidationToken, revalidationToken } from "./revalidation";

describe("internal revalidation token", () => {
  it("accepts only the token derived from the same secret", () => {
    const token = revalidationToken("s".repeat(32));
    expect(isValidRevalidationToken(token, "s".repeat(32))).toBe(true);
    expect(isValidRevalidationToken(token, "t".repeat(32))).toBe(false);
    expect(isValidRevalidationToken(token.slice(1), "s".repeat(32))).toBe(false);
    expect(isValidRevalidationToken("", "s".repeat(32))).toBe(false);
    expect(isValidRevalidationToken(null, "s".repeat(32))).toBe(false);
    expect(token).not.toContain("s".repeat(8));
  });

  it("falls back to a development secret only when none is configured", () => {
    expect(internalSecret("given")).toBe("given");
    expect(internalSecret(undefined)).toBe("breakingon-development-only");
  });
});
