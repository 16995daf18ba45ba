import { defineConfig, devices } from "@playwright/test";
import { BROWSER_ARGS, HEADLESS_CHROMIUM } from "./e2e/support/browsers";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // The cluster test (e2e/cluster, npm run test:cluster) runs its own instances and nginx.
  testIgnore: ["cluster/**"],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  // Per port, so npm test's lanes (one server each, run side by side) keep their own results.
  outputDir: `test-results/e2e-${PORT}`,
  reporter: [["list"], ["json", { outputFile: `test-results/playwright-${PORT}.json` }]],
  // Screenshot baselines (e2e/visual.spec.ts) beside their spec, one set whatever the platform: only Debian's
  // Chromium draws them, here and in CI.
  snapshotPathTemplate: "{testDir}/{testFileName}-snapshots/{arg}{ext}",
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.002 } },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry",
    // Debian's headless shell where installed (e2e/support/browsers.ts); e2e/visual.spec.ts takes the full Chromium.
    launchOptions: { executablePath: HEADLESS_CHROMIUM, args: BROWSER_ARGS },
  },
  projects: [
    // First-run setup and one signed-in session per role (e2e/.auth/*.json), before any other spec.
    { name: "newsroom-setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["newsroom-setup"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), SMTP_URL: `smtp://e2e:e2e@127.0.0.1:${2525 + (PORT - 3100)}`, MAIL_FROM: "BreakingOn E2E <newsroom@breakingon.test>" },
  },
});
