// Operating BreakingOn (#13 §4): liveness, readiness (anonymous callers learn only ok/unavailable; the ops token and
// signed-in admins see each check) and Prometheus metrics behind the ops token.
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { E2E_OPS_TOKEN } from "./support/ops";

const withToken = { authorization: `Bearer ${E2E_OPS_TOKEN}` };

test("/api/health answers ok without asking anything else, with a request id", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("/api/ready tells anonymous callers only the status, and the ops token every check", async ({ request }) => {
  const anonymous = await request.get("/api/ready");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: "ok" });

  const wrong = await request.get("/api/ready", { headers: { authorization: `Bearer ${E2E_OPS_TOKEN}x` } });
  expect(await wrong.json()).toEqual({ status: "ok" });

  const detailed = await request.get("/api/ready", { headers: withToken });
  expect(detailed.status()).toBe(200);
  const body = await detailed.json();
  expect(body.status).toBe("ok");
  for (const check of ["database", "migrations", "storage", "jobRunner"]) {
    expect(body.checks[check], check).toMatchObject({ ok: true });
    expect(typeof body.checks[check].ms).toBe("number");
  }
});

test.describe("a signed-in admin", () => {
  test.use({ storageState: STAFF.owner.storageState });
  test("sees /api/ready's checks", async ({ page }) => {
    const response = await page.request.get("/api/ready");
    expect((await response.json()).checks.database).toMatchObject({ ok: true });
  });
});

test.describe("a signed-in writer", () => {
  test.use({ storageState: STAFF.writer.storageState });
  test("sees only /api/ready's status", async ({ page }) => {
    const response = await page.request.get("/api/ready");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

test("/api/metrics refuses a scraper without the ops token", async ({ request }) => {
  const none = await request.get("/api/metrics");
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(await none.text()).not.toContain("breakingon_");
  const wrong = await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token-not-the-token-not-it" } });
  expect(wrong.status()).toBe(401);
});

test("/api/metrics exposes request counts, cache look-ups, the job queue and the process after a page view", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator("main")).toBeVisible();
  await page.goto("/");
  const response = await request.get("/api/metrics", { headers: withToken });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  expect(text).toMatch(/^breakingon_http_requests_total\{kind="home",method="GET",status="200"\} [1-9]\d*$/m);
  expect(text).toMatch(/^breakingon_http_request_duration_seconds_count\{kind="home"\} [1-9]\d*$/m);
  expect(text).toMatch(/^breakingon_cache_lookups_total\{cache="page",result="(?:hit|miss)"\} [1-9]\d*$/m);
  for (const state of ["due", "scheduled", "running", "failed"]) expect(text).toMatch(new RegExp(`^breakingon_jobs_queue_depth\\{state="${state}"\\} \\d+$`, "m"));
  expect(text).toContain("# TYPE breakingon_login_failures_total counter");
  expect(text).toContain("# TYPE breakingon_publish_visible_seconds histogram");
  expect(text).toContain("breakingon_process_resident_memory_bytes");
});
