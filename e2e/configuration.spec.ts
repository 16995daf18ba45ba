import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { extraPort } from "./support/app-server";

// Runs the same production build the other specs use, with a bad configuration, and expects a refusal.
function startServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const { NEXTAUTH_SECRET: _secret, ...base } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(extraPort(9))], {
      env: { ...base, NODE_ENV: "production", DATABASE_URL: "file:./data/e2e.db", ...env },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test("production refuses to start without a real NEXTAUTH_SECRET, in one line", async () => {
  const { code, stderr } = await startServer({});
  expect(code).toBe(1);
  const lines = stderr.split("\n").filter((line) => line.trim());
  expect(lines).toEqual([
    expect.stringMatching(/^BreakingOn cannot start: Invalid configuration — NEXTAUTH_SECRET: NEXTAUTH_SECRET must be set/),
  ]);
});

test("production refuses a malformed DATABASE_URL, in one line", async () => {
  const { code, stderr } = await startServer({ NEXTAUTH_SECRET: "s".repeat(40), DATABASE_URL: "mongodb://db/news" });
  expect(code).toBe(1);
  expect(stderr.trim()).toMatch(/^BreakingOn cannot start: Invalid configuration — DATABASE_URL: DATABASE_URL must start with file:/);
});
