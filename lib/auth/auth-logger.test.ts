import { describe, expect, it, vi } from "vitest";
import { createAuthLogger, SUMMARY_INTERVAL_MS } from "./auth-logger";

describe("the next-auth logger", () => {
  it("sums up unreadable session cookies in one line a minute, with no stack trace", () => {
    const write = { error: vi.fn(), warn: vi.fn() };
    let clock = 1_000_000;
    const logger = createAuthLogger(write, () => clock);
    const forged = Object.assign(new Error("Invalid Compact JWE"), { stack: "Error: Invalid Compact JWE\n    at decode (x.js:1:1)" });
    for (let i = 0; i < 300; i++) logger.error("JWT_SESSION_ERROR", forged);
    expect(write.error).not.toHaveBeenCalled();
    expect(write.warn).toHaveBeenCalledTimes(1);
    expect(write.warn.mock.calls[0][0]).toBe("next-auth: refused 1 unreadable session cookie (JWT_SESSION_ERROR: Invalid Compact JWE); further ones are summed up once a minute.");
    clock += SUMMARY_INTERVAL_MS;
    logger.error("JWT_SESSION_ERROR", forged);
    expect(write.warn).toHaveBeenCalledTimes(2);
    expect(write.warn.mock.calls[1][0]).toMatch(/^next-auth: refused 300 unreadable session cookies/);
    expect(JSON.stringify(write.warn.mock.calls)).not.toContain("at decode");
  });

  it("still reports unexpected errors in full", () => {
    const write = { error: vi.fn(), warn: vi.fn() };
    const failure = new Error("database down");
    createAuthLogger(write).error("SIGNIN_OAUTH_ERROR", failure);
    expect(write.error).toHaveBeenCalledWith("[next-auth][error][SIGNIN_OAUTH_ERROR]", failure);
  });
});
