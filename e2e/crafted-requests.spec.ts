// Requests no browser of ours sends but anyone can: each must get a 4xx with a readable reason, never a 5xx.
// Before the fix, malformed %-escapes in dynamic segments, server-action posts with a foreign or `null` Origin and
// oversized action bodies were answered 500 (see lib/security/request-guard.ts, answered from proxy.ts).
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { MAX_BODY_BYTES } from "../lib/security/request-guard";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const MALFORMED = [
  "/articles/%ff",
  "/articles/%",
  "/articles/%c0%80",
  "/articles/a%00b",
  "/sections/%ff",
  "/sections/%ff?page=2",
  "/tags/%ff",
  "/authors/%ff",
  "/media/%ff",
  "/media/abc/%ff",
  "/preview/%ff",
  "/feeds/sections/%ff/rss.xml",
  "/feeds/sections/%ff/atom.xml",
  "/feeds/authors/%ff/rss.xml",
  "/feeds/authors/%ff/atom.xml",
  "/sitemaps/%ff",
  "/admin/stories/%ff",
  "/admin/media/%e2%82",
  "/%ff",
];

function expectClientError(status: number, label: string): void {
  expect(status, label).toBeGreaterThanOrEqual(400);
  expect(status, label).toBeLessThan(500);
}

test("malformed %-escapes and control characters in any path answer 400 with a readable page", async ({ request }) => {
  for (const path of MALFORMED) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain("This address is not valid");
  }
  const page = await request.get("/articles/%ff", { headers: { Accept: "text/html,application/xhtml+xml" } });
  expect(page.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(await page.text()).toMatch(/<h1>Bad request<\/h1>[\s\S]*malformed %-escape/);
  // Well-formed escapes still reach the page, which answers for itself.
  expect((await request.get("/tags/caf%C3%A9")).status()).toBe(404);
});

test("hostile search queries are answered, not failed", async ({ request }) => {
  for (const q of ["%ff", "%", "%00", "a%00b", "%ed%a0%80", "%22", "NEAR(", "*"]) {
    const response = await request.get(`/search?q=${q}`);
    expect(response.status(), q).toBe(200);
  }
});

async function actionPost(request: APIRequestContext, path: string, headers: Record<string, string>) {
  return request.post(path, { headers: { "Content-Type": "text/plain;charset=UTF-8", ...headers }, data: "[]", maxRedirects: 0 });
}

test("server-action posts with a foreign or null Origin, junk action ids and no-JS junk ids are refused with a 4xx", async ({ request }) => {
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example"]) {
    for (const path of ["/", "/admin/login", "/articles/x"]) {
      const response = await actionPost(request, path, { Origin: origin, "Next-Action": "0011223344556677889900112233445566778899aa" });
      expect(response.status(), `${origin} ${path}`).toBe(403);
      expect(await response.text()).toContain("sent from another site");
    }
  }
  // A no-JS form post from another site is refused the same way.
  const noJs = await request.post("/", { headers: { Origin: "null" }, multipart: { "$ACTION_ID_0011": "", x: "1" }, maxRedirects: 0 });
  expect(noJs.status()).toBe(403);

  // Same origin, but no such action: Next.js's own 400s, checked so they stay 4xx.
  for (const id of ["junk", "00112233445566778899aabbccddeeff00112233"]) {
    expectClientError((await actionPost(request, "/", { Origin: ORIGIN, "Next-Action": id })).status(), `Next-Action ${id}`);
  }
  for (const field of ["$ACTION_ID_junk", "$ACTION_ID_00112233445566778899aabbccddeeff00112233"]) {
    const response = await request.post("/admin/login", { multipart: { [field]: "", x: "1" }, maxRedirects: 0 });
    expectClientError(response.status(), field);
  }
  const refAction = await request.post("/", { multipart: { "$ACTION_REF_1": "", "$ACTION_1:0": '{"id":"junk","bound":null}' }, maxRedirects: 0 });
  expectClientError(refAction.status(), "$ACTION_REF_1");
});

test.describe("signed in as the editor", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("an upload whose file name holds a NUL is a 400, and an oversized body a 413; nothing is stored", async ({ page }) => {
    // Sends a real upload from the form, with a NUL put into its file name on the way (no browser sends one; a
    // script can). Before the fix: a 500 ("Malformed part header" from the multipart parser).
    const name = `nul-${RUN}.jpg`;
    let actionId = "";
    await page.route("**/admin/media", async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      actionId = (await request.allHeaders())["next-action"] ?? "";
      const body = request.postDataBuffer()!.toString("latin1").replace(`filename="${name}"`, `filename="nul\u0000-${RUN}.jpg"`);
      await route.continue({ postData: Buffer.from(body, "latin1") });
    });
    await page.goto("/admin/media");
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 10, g: 120, b: 60 } } }).jpeg().toBuffer();
    await page.getByLabel("Image file").setInputFiles({ name, mimeType: "image/jpeg", buffer: photo });
    const answer = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/admin/media");
    await page.getByRole("button", { name: "Upload image" }).click();
    const response = await answer;
    // (Its text, "… holds a control character …", is checked in lib/security/request-guard.test.ts; the body of a
    // rerouted request's answer cannot be read back here.)
    expect(response.status()).toBe(400);
    await page.unroute("**/admin/media");
    expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
    expect(await withDb((db) => db.media.count({ where: { originalName: { contains: RUN } } }))).toBe(0);

    // The same action, sent a body over the server-action limit (the form refuses such files before sending; a
    // script need not). Before the fix: a 500 ("Unexpected end of form").
    const before = await withDb((db) => db.media.count());
    const big = await page.request.post("/admin/media", {
      headers: { "Next-Action": actionId, Origin: ORIGIN, Accept: "text/x-component" },
      multipart: { "1_file": { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(MAX_BODY_BYTES + 1024) }, "0": '[null,"$K1"]' },
      maxRedirects: 0,
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("larger than 11 MB");
    expect(await withDb((db) => db.media.count())).toBe(before);

    // The same upload with a clean name still works.
    await page.goto("/admin/media");
    await page.getByLabel("Image file").setInputFiles({ name, mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(`Uploaded ${name}.`);
  });
});
