import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentTotp,
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  RECOVERY_CODE_COUNT,
  recoveryCodeMatches,
  totpUri,
  verifyTotp,
} from "./totp";

const SERVER_SECRET = "a server secret of at least thirty-two characters";
// A fixed moment in the middle of a 30-second step, so ±29 s stays within the neighbouring steps.
const T = Date.UTC(2026, 0, 15, 12, 0, 15);
const STEP = Math.floor(T / 1000 / 30);
const at = (offsetSeconds: number) => Math.floor(T / 1000) + offsetSeconds;

afterEach(() => {
  vi.useRealTimers();
});

function atTime(ms: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
}

/** A six-digit code that matches none of the steps around `epoch` (so "wrong code" never passes by luck). */
async function wrongCode(secret: string, epoch: number): Promise<string> {
  const near = new Set(await Promise.all([-60, -30, 0, 30, 60].map((d) => currentTotp(secret, epoch + d))));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}

describe("authenticator codes", () => {
  it("accepts the current code and returns its time step", async () => {
    const secret = newTotpSecret();
    atTime(T);
    expect(await verifyTotp(secret, await currentTotp(secret))).toBe(STEP);
    expect(await verifyTotp(secret, await currentTotp(secret, at(0)))).toBe(STEP);
  });

  it("tolerates spaces inside the code", async () => {
    const secret = newTotpSecret();
    atTime(T);
    const code = await currentTotp(secret);
    expect(await verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).toBe(STEP);
  });

  it("allows one step of clock drift either way, and no more", async () => {
    const secret = newTotpSecret();
    atTime(T);
    expect(await verifyTotp(secret, await currentTotp(secret, at(-30)))).toBe(STEP - 1);
    expect(await verifyTotp(secret, await currentTotp(secret, at(30)))).toBe(STEP + 1);
    const tooOld = await currentTotp(secret, at(-90));
    const tooNew = await currentTotp(secret, at(90));
    const neighbours = await Promise.all([-30, 0, 30].map((d) => currentTotp(secret, at(d))));
    if (!neighbours.includes(tooOld)) expect(await verifyTotp(secret, tooOld)).toBeNull();
    if (!neighbours.includes(tooNew)) expect(await verifyTotp(secret, tooNew)).toBeNull();
  });

  it("refuses a code at or before the last accepted step (no replay)", async () => {
    const secret = newTotpSecret();
    atTime(T);
    const code = await currentTotp(secret);
    const step = await verifyTotp(secret, code);
    expect(step).toBe(STEP);
    expect(await verifyTotp(secret, code, step)).toBeNull();
    expect(await verifyTotp(secret, await currentTotp(secret, at(-30)), step)).toBeNull();
    // The next step is still fine (a code the app shows half a minute later).
    expect(await verifyTotp(secret, await currentTotp(secret, at(30)), step)).toBe(STEP + 1);
  });

  it("refuses wrong, malformed and foreign codes", async () => {
    const secret = newTotpSecret();
    atTime(T);
    expect(await verifyTotp(secret, await wrongCode(secret, at(0)))).toBeNull();
    expect(await verifyTotp(secret, "")).toBeNull();
    expect(await verifyTotp(secret, "12345")).toBeNull();
    expect(await verifyTotp(secret, "1234567")).toBeNull();
    expect(await verifyTotp(secret, "abcdef")).toBeNull();
    const other = newTotpSecret();
    const foreign = await currentTotp(other);
    const own = await Promise.all([-30, 0, 30].map((d) => currentTotp(secret, at(d))));
    if (!own.includes(foreign)) expect(await verifyTotp(secret, foreign)).toBeNull();
  });

  it("answers null rather than throwing when the last step lies ahead of the clock", async () => {
    const secret = newTotpSecret();
    atTime(T);
    expect(await verifyTotp(secret, await currentTotp(secret), STEP + 10)).toBeNull();
  });

  it("builds an otpauth URI that authenticator apps understand", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, "wren@news.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/BreakingOn:wren@news.example");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("BreakingOn");
  });
});

describe("secret encryption", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = newTotpSecret();
    const a = encryptSecret(secret, SERVER_SECRET);
    const b = encryptSecret(secret, SERVER_SECRET);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(a.startsWith("v1.")).toBe(true);
    expect(decryptSecret(a, SERVER_SECRET)).toBe(secret);
    expect(decryptSecret(b, SERVER_SECRET)).toBe(secret);
  });

  it("detects tampering and a different server secret", () => {
    const stored = encryptSecret(newTotpSecret(), SERVER_SECRET);
    const [version, iv, tag, data] = stored.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), SERVER_SECRET)).toThrow();
    const badTag = Buffer.from(tag, "base64url");
    badTag[0] ^= 1;
    expect(() => decryptSecret([version, iv, badTag.toString("base64url"), data].join("."), SERVER_SECRET)).toThrow();
    expect(() => decryptSecret(stored, "another server secret entirely, also long")).toThrow();
    expect(() => decryptSecret("v2.a.b.c", SERVER_SECRET)).toThrow(/Unreadable/);
    expect(() => decryptSecret("garbage", SERVER_SECRET)).toThrow(/Unreadable/);
  });
});

describe("recovery codes", () => {
  it("issues ten distinct codes in xxxx-xxxx-xxxx form, without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
    expect(newRecoveryCodes(3)).toHaveLength(3);
  });

  it("stores only a hash, and matches the code however it is typed", () => {
    const [code] = newRecoveryCodes(1);
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace(/-/g, ""));
    expect(recoveryCodeMatches(code, hash)).toBe(true);
    expect(recoveryCodeMatches(` ${code.toUpperCase().replace(/-/g, " ")} `, hash)).toBe(true);
    expect(recoveryCodeMatches(code.replace(/-/g, ""), hash)).toBe(true);
  });

  it("does not match another code, a truncated code or a malformed hash", () => {
    const [code, other] = newRecoveryCodes(2);
    const hash = hashRecoveryCode(code);
    expect(recoveryCodeMatches(other, hash)).toBe(false);
    expect(recoveryCodeMatches(code.slice(0, -1), hash)).toBe(false);
    expect(recoveryCodeMatches(code, "not-a-hash")).toBe(false);
    expect(recoveryCodeMatches(code, "")).toBe(false);
  });

  it("tells a recovery code from a six-digit code", () => {
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("123 456")).toBe(false);
    expect(looksLikeRecoveryCode("abcd-efgh-jkmn")).toBe(true);
  });
});
