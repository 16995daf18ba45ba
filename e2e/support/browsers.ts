// The browsers the tests drive: Debian's, never a download (Playwright cannot fetch its own here).
// - Headless runs (the e2e lanes with the screenshot baselines of e2e/visual.spec.ts, the cluster test) use Debian's
//   chromium-headless-shell: the same Blink as Chromium without the full browser's window and UI layers, which is
//   what Playwright itself runs headless by default. On the 2-core CI machine, where every e2e lane is CPU-bound, it
//   used 0.56x the CPU and 0.64x the wall time of the full browser for the same specs (README, "Configuration").
// - Lighthouse (scripts/lighthouse.ts) keeps the full Chromium readers run.
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHELL = "/usr/bin/chromium-headless-shell";
export const HEADLESS_CHROMIUM = process.env.CHROMIUM_HEADLESS_PATH ?? (process.env.CHROMIUM_PATH || !existsSync(SHELL) ? CHROMIUM : SHELL);

export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
