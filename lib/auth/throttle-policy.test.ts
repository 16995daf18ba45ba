import { describe, expect, it } from "vitest";
import { FIRST_WAIT_SECONDS, KNOWN_ADDRESS_SECONDS, MAX_WAIT_SECONDS, SCOPES, throttleKeys, waitAfterFailures } from "./throttle-policy";

describe("waits after failed sign-ins", () => {
  it("lets the free failures through, then waits 30 s and doubles with each further failure", () => {
    const free = SCOPES.accountAndAddress.freeFailures;
    expect(free).toBe(5);
    expect([0, 1, 2, 3, 4].map((n) => waitAfterFailures(n, free))).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => waitAfterFailures(n, free))).toEqual([30, 60, 120, 240, 480]);
    expect(waitAfterFailures(free, free)).toBe(FIRST_WAIT_SECONDS);
  });

  it("never waits longer than 15 minutes, however many failures", () => {
    expect(MAX_WAIT_SECONDS).toBe(900);
    expect(waitAfterFailures(10, 5)).toBe(900);
    expect(waitAfterFailures(100, 5)).toBe(900);
    expect(waitAfterFailures(1_000_000, 5)).toBe(900);
    for (let n = 0; n < 60; n++) expect(waitAfterFailures(n, 5)).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
  });

  it("grows monotonically", () => {
    for (let n = 1; n < 40; n++) expect(waitAfterFailures(n, 5)).toBeGreaterThanOrEqual(waitAfterFailures(n - 1, 5));
  });

  it("remembers the owner's own addresses for a month, so the account-wide limit cannot shut them out", () => {
    expect(KNOWN_ADDRESS_SECONDS).toBe(30 * 24 * 60 * 60);
  });

  it("gives the wider scopes more free failures than the narrow one", () => {
    expect(SCOPES.account.freeFailures).toBe(10);
    expect(SCOPES.address.freeFailures).toBe(20);
    expect(waitAfterFailures(9, SCOPES.account.freeFailures)).toBe(0);
    expect(waitAfterFailures(10, SCOPES.account.freeFailures)).toBe(30);
    expect(waitAfterFailures(19, SCOPES.address.freeFailures)).toBe(0);
    expect(waitAfterFailures(20, SCOPES.address.freeFailures)).toBe(30);
  });
});

describe("throttle keys", () => {
  it("normalise the email, so case and spaces cannot dodge the count", () => {
    const a = throttleKeys("  Wren@News.Example ", "203.0.113.9");
    const b = throttleKeys("wren@news.example", "203.0.113.9");
    expect(a).toEqual(b);
    expect(a).toEqual({ accountAndAddress: "wren@news.example|203.0.113.9", account: "wren@news.example", address: "203.0.113.9" });
  });

  it("are built from what was typed, known account or not (so they reveal nothing)", () => {
    expect(throttleKeys("nobody@news.example", "198.51.100.1").account).toBe("nobody@news.example");
  });

  it("separate addresses and accounts", () => {
    const here = throttleKeys("wren@news.example", "203.0.113.9");
    const there = throttleKeys("wren@news.example", "198.51.100.1");
    expect(here.account).toBe(there.account);
    expect(here.accountAndAddress).not.toBe(there.accountAndAddress);
    expect(here.address).not.toBe(there.address);
  });
});
