import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password policy", () => {
  it("needs at least 12 characters and allows at least 64", () => {
    expect(passwordProblem("short-pass1")).toMatch(/at least 12/);
    expect(passwordProblem("correct horse")).toBeNull();
    expect(passwordProblem("x1".repeat(32))).toBeNull();
    expect(passwordProblem("a".repeat(129) + "b")).toMatch(/at most 128/);
  });

  it("has no composition rules: a long lower-case passphrase is fine", () => {
    expect(passwordProblem("purple elephants dance quietly")).toBeNull();
  });

  it("refuses common passwords, repeated characters and the user's own email or name", () => {
    expect(passwordProblem("password1234")).toMatch(/too common/);
    expect(passwordProblem("PASSWORD1234")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("editor@news.example", { email: "editor@news.example" })).toMatch(/name or email/);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(passwordProblem("🔒🔒🔒🔒🔒🔒")).toMatch(/at least 12/);
  });
});

describe("hashing", () => {
  it("hashes with Argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("purple elephants dance");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "purple elephants dance")).toBe(true);
    expect(await verifyPassword(hash, "purple elephants dance!")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});
