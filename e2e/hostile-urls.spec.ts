// Hostile URLs and requests (issue #8 §5): crafted path segments in every dynamic route, crafted query strings,
// search queries, and crafted posts. None may answer 5xx; pages that echo what was asked for (search, 404s, the
// login page) must not run it in Chromium.
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { HOSTILE_QUERIES, HOSTILE_SEGMENTS, HOSTILE_URLS, SEGMENT_ROUTES, encodeHostile } from "./support/hostile-inputs";
import { expectNoScript, inBatches, visitForScript } from "./support/hostile-checks";

test.setTimeout(300_000);

test("crafted path segments in every dynamic route answer 4xx or a page, never 5xx", async ({ request }) => {
  const paths = SEGMENT_ROUTES.flatMap((route) => HOSTILE_SEGMENTS.map((s) => ({ label: `${route} with ${s.name}`, path: route.replace("{}", s.segment) })));
  await inBatches(paths, 6, async ({ label, path }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect.soft(response.status(), `${label} (${path.slice(0, 120)})`).toBeLessThan(500);
  });
});

test("crafted URLs and query strings answer 4xx or a page, never 5xx, signed out and signed in", async ({ browser }) => {
  const anonymous = await browser.newContext();
  const owner = await browser.newContext({ storageState: STAFF.owner.storageState });
  for (const [who, context] of [["signed out", anonymous], ["owner", owner]] as const) {
    await inBatches(HOSTILE_URLS, 4, async ({ name, path }) => {
      const response = await context.request.get(path, { maxRedirects: 0 });
      expect.soft(response.status(), `${name} (${who}): ${path.slice(0, 120)}`).toBeLessThan(500);
    });
  }
  await Promise.all([anonymous.close(), owner.close()]);
});

test("every hostile search query answers without a 5xx", async ({ request }) => {
  await inBatches(HOSTILE_QUERIES, 6, async ({ name, q }) => {
    const response = await request.get(`/search?q=${encodeHostile(q)}`);
    expect.soft(response.status(), `search for ${name}`).toBeLessThan(500);
  });
  // Malformed escapes straight in the query string, as a crafted link would send them.
  for (const raw of ["%", "%ff", "%E0%A4%A", "%00", "%zz", "%ED%A0%80", "%3Cscript%3E%ff"]) {
    const response = await request.get(`/search?q=${raw}`);
    expect.soft(response.status(), `search with raw q=${raw}`).toBeLessThan(500);
  }
});

test("pages that echo a query or path run none of it in Chromium", async ({ page }) => {
  const scriptQueries = HOSTILE_QUERIES.filter((q) => /script|onerror|onload|javascript|<svg|<img|<iframe/i.test(q.q));
  for (const { name, q } of scriptQueries) expectNoScript(await visitForScript(page, `/search?q=${encodeHostile(q)}`), `search results for ${name}`);
  const echoing = HOSTILE_SEGMENTS.filter((s) => /script|quote|sql/.test(s.name));
  for (const route of ["/articles/{}", "/tags/{}", "/sections/{}", "/authors/{}"])
    for (const s of echoing) expectNoScript(await visitForScript(page, route.replace("{}", s.segment)), `${route} with ${s.name}`);
  for (const { name, path } of HOSTILE_URLS.filter((u) => u.path.startsWith("/admin/login"))) expectNoScript(await visitForScript(page, path), name);
});

test("crafted posts (unknown action, foreign or null Origin, no-JS action fields, oversized body) answer 4xx, never 5xx", async ({ request, baseURL }) => {
  const attempts: { name: string; path: string; headers: Record<string, string>; body: string | Buffer; multipart?: Record<string, string> }[] = [
    { name: "unknown action id", path: "/", headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" },
    { name: "malformed action id", path: "/admin/stories", headers: { "Next-Action": "<script>%ff", "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" },
    { name: "action body not JSON", path: "/", headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, body: "[{" },
    { name: "foreign Origin", path: "/admin/stories", headers: { "Next-Action": "0".repeat(42), Origin: "https://evil.test", "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" },
    { name: "null Origin", path: "/admin/stories", headers: { "Next-Action": "0".repeat(42), Origin: "null", "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" },
    { name: "look-alike Origin", path: "/admin/settings", headers: { "Next-Action": "0".repeat(42), Origin: `${baseURL}.evil.test`, "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" },
    { name: "body over the limit", path: "/admin/media", headers: { "Next-Action": "0".repeat(42), "Content-Type": "application/octet-stream" }, body: Buffer.alloc(12 * 1024 * 1024, 0x41) },
    { name: "form post to a page", path: "/articles/x", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=%ff&b=%" },
  ];
  for (const attempt of attempts) {
    const response = await request.post(attempt.path, { headers: attempt.headers, data: attempt.body, maxRedirects: 0, failOnStatusCode: false }).catch((error: Error) => error);
    if (response instanceof Error) expect.soft(`no answer: ${response.message.split("\n")[0]}`, attempt.name).toBe("an answer with a 4xx status");
    else expect.soft(response.status(), attempt.name).toBeLessThan(500);
  }
  // A no-JS post carrying the fields React's progressive enhancement uses, with an id that names no action.
  for (const [name, fields] of [
    ["no-JS $ACTION_ID_ field", { "$ACTION_ID_0000000000000000000000000000000000000000": "", email: "a@b.test" }],
    ["no-JS $ACTION_REF_ field", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"x","bound":null}', "$ACTION_KEY": "k" }],
  ] as const) {
    const response = await request.post("/admin/login", { multipart: fields as Record<string, string>, maxRedirects: 0, failOnStatusCode: false });
    expect.soft(response.status(), name).toBeLessThan(500);
  }
});
