// The authentication edges of issue #8: the visitor's address comes from the socket, not from a forged
// X-Forwarded-For (TRUST_PROXY_HOPS defaults to 0); signing out ends the session on the server, so a copied cookie
// is refused; anonymous refusals do not write an audit row each; crafted next-auth requests get a 4xx, never a 5xx,
// and never a redirect off the site.
import { expect, test, type APIRequestContext, type Request } from "@playwright/test";
import { withDb } from "./support/site";
import { createStaff, resetThrottling, signIn } from "./support/newsroom";

test.describe.configure({ mode: "serial" });

const RITA = { role: "WRITER", name: "Rita Rotates", email: "rita.rotates@breakingon.test", password: "seven lanterns over the harbour" } as const;
const OLGA = { role: "WRITER", name: "Olga Outgoing", email: "olga.outgoing@breakingon.test", password: "a kettle sings in the morning" } as const;

/** One sign-in over HTTP, as the form makes it (CSRF token, then credentials); answers next-auth's error code or "ok". */
async function httpSignIn(request: APIRequestContext, account: { email: string; password: string }, headers: Record<string, string> = {}): Promise<string> {
  const csrf = await request.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: "/admin", json: "true" },
    headers,
  });
  expect(response.status()).toBeLessThan(500);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "ok";
}

test.beforeAll(async () => {
  await resetThrottling();
  for (const account of [RITA, OLGA]) await createStaff(account);
});

test.afterAll(async () => {
  await resetThrottling();
});

test("a client rotating X-Forwarded-For is still one address: throttled after five guesses, and the audit log has its real address", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  try {
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) {
      answers.push(await httpSignIn(request, { email: RITA.email, password: `wrong guess ${i}` }, { "X-Forwarded-For": `198.51.100.${i + 1}`, "X-Real-IP": `198.51.100.${i + 1}` }));
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill("invalid"));
    expect(answers.slice(4).every((answer) => answer.startsWith("throttled:"))).toBe(true);
    // The right password waits too, whatever address it claims.
    expect(await httpSignIn(request, RITA, { "X-Forwarded-For": "203.0.113.77" })).toMatch(/^throttled:/);

    const rows = await withDb((db) => db.auditLog.findMany({ where: { action: "auth.signin.failed" }, select: { ip: true, details: true } }));
    const mine = rows.filter((row) => (row.details as { email?: string }).email === RITA.email);
    expect(mine).toHaveLength(5);
    expect(new Set(mine.map((row) => row.ip))).toEqual(new Set(["127.0.0.1"]));
  } finally {
    await request.dispose();
    await resetThrottling();
  }
});

test("signing out ends the session on the server: the old cookie is refused by pages and by server actions", async ({ browser, playwright, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OLGA);

  // A story of her own, opened in the editor, whose presence heartbeat (a server action) we record to replay.
  const storyId = await withDb(async (db) => {
    const author = await db.user.findUniqueOrThrow({ where: { email: OLGA.email }, select: { id: true } });
    return (await db.article.create({ data: { headline: "Olga's draft", slug: `olga-draft-${Date.now()}`, body: "A first line.", createdById: author.id }, select: { id: true } })).id;
  });
  const heartbeat = page.waitForRequest((request: Request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await page.goto(`/admin/stories/${storyId}`);
  const action = await heartbeat;
  const actionHeaders = { "next-action": action.headers()["next-action"], "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" };
  const actionBody = action.postData() ?? "";
  const actionUrl = action.url();

  const cookies = await context.cookies();
  const sessionCookie = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toBeDefined();
  const replay = async () => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${sessionCookie!.name}=${sessionCookie!.value}` } });
    try {
      const page = await request.get("/admin/stories", { maxRedirects: 0 });
      const actionAnswer = await request.post(actionUrl, { headers: actionHeaders, data: actionBody });
      return { pageStatus: page.status(), pageLocation: page.headers().location ?? "", action: await actionAnswer.text() };
    } finally {
      await request.dispose();
    }
  };

  const before = await replay();
  expect(before.pageStatus).toBe(200);
  expect(before.action).not.toContain("Sign in to continue.");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);

  const after = await replay();
  expect([302, 303, 307, 308]).toContain(after.pageStatus);
  expect(after.pageLocation).toContain("/admin/login");
  expect(after.action).toContain("Sign in to continue.");
  await context.close();
});

test("refused actions with a forged session cookie write a bounded number of audit rows, not one each", async ({ browser, playwright, baseURL }) => {
  // Record the heartbeat action of a signed-in editor page, then fire it 150 times with a cookie that is no session
  // (it gets past the proxy's redirect, which only looks for the cookie's name; the data layer refuses it).
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OLGA);
  const storyId = await withDb(async (db) => (await db.article.findFirstOrThrow({ where: { headline: "Olga's draft" }, select: { id: true } })).id);
  const heartbeat = page.waitForRequest((request: Request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await page.goto(`/admin/stories/${storyId}`);
  const action = await heartbeat;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await context.close();

  const since = new Date(Date.now() - 1000);
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "next-auth.session-token=forged" } });
  try {
    const answers = await Promise.all(
      Array.from({ length: 150 }, () =>
        request.post(action.url(), { headers: { "next-action": action.headers()["next-action"], accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" }, data: action.postData() ?? "" }),
      ),
    );
    expect(answers.every((answer) => answer.status() === 200)).toBe(true);
    expect(await answers[0].text()).toContain("Sign in to continue.");
    const rows = await withDb((db) => db.auditLog.findMany({ where: { action: "permission.denied", actorId: null, createdAt: { gte: since } }, select: { ip: true, details: true } }));
    // Ten rows an address a minute, then one summary (fewer if this address was refused earlier in the minute).
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(11);
    expect(rows.filter((row) => (row.details as { summary?: string }).summary)).toHaveLength(1);
    expect(new Set(rows.map((row) => row.ip))).toEqual(new Set(["127.0.0.1"]));
  } finally {
    await request.dispose();
  }
});

test("crafted next-auth requests get a 4xx or a same-site redirect, never a 5xx", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const get = await request.get("/api/auth/callback/credentials", { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect((await get.json()).message).toMatch(/only accepts POST/);

  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const callbackUrl of ["http://127.0.0.1.evil.test/", "//evil.test", "/\\evil.test", "https://localhost:3000@evil.test", `${origin}.evil.test/admin`, "http://[::1", "javascript:alert(1)"]) {
    const signin = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(signin.status(), callbackUrl).toBeLessThan(500);
    const location = signin.headers().location;
    if (location) expect(new URL(location, origin).origin, callbackUrl).toBe(origin);

    const post = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "nobody@breakingon.test", password: "not a password", callbackUrl, json: "true" },
    });
    expect(post.status(), callbackUrl).toBeLessThan(500);
    const { url } = (await post.json()) as { url: string };
    expect(new URL(url, origin).origin, callbackUrl).toBe(origin);

    // The callback URL next-auth also reads from its cookie and from any query: never a 500, never off the site.
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
      const viaCookie = await request.get(path, { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(callbackUrl)}` }, maxRedirects: 0 });
      expect(viaCookie.status(), `${path} ${callbackUrl}`).toBeLessThan(500);
      if (viaCookie.status() === 307) expect(viaCookie.headers()["set-cookie"]).toMatch(/next-auth\.callback-url=;/);
      const viaQuery = await request.get(`${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(viaQuery.status(), `${path}?${callbackUrl}`).toBeLessThan(500);
      if (viaQuery.headers().location) {
        const next = new URL(viaQuery.headers().location, origin);
        expect(next.origin).toBe(origin);
        expect(new URL(next.searchParams.get("callbackUrl")!, origin).origin).toBe(origin);
      }
    }
  }
  await resetThrottling();
});
