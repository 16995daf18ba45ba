// deploy/nginx.conf, rendered for loopback ports, in front of two tiny upstreams that count what reaches them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxBinary, renderNginxSite, writeStandaloneNginx } from "./nginx-config";

const NGINX = nginxBinary();
if (!NGINX) console.warn("[skipped] deploy/nginx.conf tests: no nginx binary (apt-get install nginx-light)");

const NGINX_PORT = 4440;
const UPSTREAM_PORTS = [4441, 4442];
const BASE = `http://127.0.0.1:${NGINX_PORT}`;

describe("renderNginxSite", () => {
  it("rewrites only the marked lines and keeps the shipped per-server parameters", () => {
    const template = readFileSync(path.join("deploy", "nginx.conf"), "utf8");
    const text = renderNginxSite({ instances: ["10.0.0.1:3000", "10.0.0.2:3000"], listen: "8080", staticDir: "/opt/b/.next/static", cacheDir: "/var/c" });
    expect(text).toContain("    server 10.0.0.1:3000 max_fails=3 fail_timeout=5s;\n    server 10.0.0.2:3000 max_fails=3 fail_timeout=5s;\n");
    expect(text).not.toContain("127.0.0.1:3001");
    expect(text).toMatch(/^\s+listen 8080;\s+# @listen/m);
    expect(text).toMatch(/^\s+alias \/opt\/b\/\.next\/static\/;/m);
    expect(text).toMatch(/^proxy_cache_path \/var\/c levels=/m);
    // Everything else is the shipped file, line for line.
    const unmarked = (s: string) => s.split("\n").filter((line) => !/@(listen|server-name|static-dir|cache-dir|stamp-socket)\b|^\s+server \d/.test(line) || line.trim().startsWith("#"));
    expect(unmarked(text)).toEqual(unmarked(template));
    expect(() => renderNginxSite({ instances: [], listen: "1", staticDir: "/s", cacheDir: "/c" })).toThrow(/at least one instance/);
    expect(() => renderNginxSite({ instances: ["a:1"], listen: "1", staticDir: "/s", cacheDir: "/c" }, "http {}")).toThrow(/BEGIN\/END/);
  });
});

describe.skipIf(!NGINX)("deploy/nginx.conf in nginx", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-nginx-"));
  const staticDir = path.join(dir, "build", "static");
  const hits = new Map<string, number>();
  const seenBy = new Map<string, Set<number>>();
  const lastHeaders = new Map<string, http.IncomingHttpHeaders>();
  const upstreams: http.Server[] = [];
  let nginx: ChildProcess | undefined;
  const count = (p: string) => hits.get(p) ?? 0;

  function upstream(port: number) {
    return http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const key = `${req.method} ${url.pathname}${req.headers.rsc ? " rsc" : ""}`;
      hits.set(key, count(key) + 1);
      seenBy.set(url.pathname, (seenBy.get(url.pathname) ?? new Set()).add(port));
      lastHeaders.set(url.pathname, req.headers);
      const headers: http.OutgoingHttpHeaders = {
        "Content-Type": req.headers.rsc ? "text/x-component" : "text/html; charset=utf-8",
        // What Next sends for a cached page: nginx must not keep it a year.
        "Cache-Control": "s-maxage=31536000",
        Vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
      };
      if (url.pathname === "/sets-cookie") headers["Set-Cookie"] = "seen=1; Path=/; HttpOnly";
      if (url.pathname === "/private") headers["Cache-Control"] = "private, no-cache, no-store, max-age=0, must-revalidate";
      if (url.pathname.startsWith("/media/")) headers["Cache-Control"] = "public, max-age=31536000, immutable";
      // When the answer was made, so a reader can tell how old the copy it got is.
      headers["X-Rendered-At"] = String(Date.now());
      // Renders take a while, so concurrent requests overlap.
      setTimeout(() => {
        res.writeHead(200, headers);
        res.end(`${req.headers.rsc ? "payload" : "<p>page</p>"} ${url.pathname} from ${port} #${count(key)}`);
      }, 150);
    });
  }

  async function get(p: string, headers: Record<string, string> = {}, method = "GET") {
    const response = await fetch(BASE + p, { headers, method, body: method === "POST" ? "x" : undefined });
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  beforeAll(async () => {
    mkdirSync(path.join(staticDir, "chunks"), { recursive: true });
    writeFileSync(path.join(staticDir, "chunks", "app-123.js"), "console.log('built');");
    for (const port of UPSTREAM_PORTS) {
      const server = upstream(port);
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      upstreams.push(server);
    }
    const { args } = writeStandaloneNginx(path.join(dir, "nginx"), {
      instances: UPSTREAM_PORTS.map((port) => `127.0.0.1:${port}`),
      listen: `127.0.0.1:${NGINX_PORT}`,
      staticDir,
    });
    const check = spawnSync(NGINX!, ["-t", ...args], { encoding: "utf8" });
    expect(check.stderr).toMatch(/test is successful/);
    nginx = spawn(NGINX!, args, { stdio: ["ignore", "inherit", "inherit"] });
    for (let i = 0; i < 50; i++) {
      if (await fetch(`${BASE}/_next/static/chunks/app-123.js`).then(() => true, () => false)) return;
      await sleep(100);
    }
    throw new Error(`nginx did not start: ${readFileSync(path.join(dir, "nginx", "error.log"), "utf8")}`);
  });

  afterAll(async () => {
    nginx?.kill("SIGTERM");
    await Promise.all(upstreams.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends one of many simultaneous requests for a page to the app, and the rest get its answer", async () => {
    // Copies end with the clock second, so start the burst early in one (a burst across a tick renders twice).
    while (Date.now() % 1000 > 200) await sleep(10);
    const answers = await Promise.all(Array.from({ length: 40 }, () => get("/articles/spike")));
    expect(answers.every((a) => a.status === 200 && a.body.startsWith("<p>page</p> /articles/spike"))).toBe(true);
    expect(count("GET /articles/spike")).toBe(1);
  });

  /** Readers hammer one page for a while; how often it was rendered, and how old the oldest copy anyone got was. */
  async function steadyLoad(p: string, ms: number) {
    const start = Date.now();
    const before = count(`GET ${p}`);
    const statuses = new Set<string>();
    let oldest = 0;
    while (Date.now() - start < ms) {
      const asked = Date.now();
      const batch = await Promise.all(Array.from({ length: 5 }, () => get(p)));
      for (const answer of batch) {
        statuses.add(answer.headers.get("x-cache-status") ?? "");
        oldest = Math.max(oldest, asked - Number(answer.headers.get("x-rendered-at")));
      }
      await sleep(40);
    }
    return { renders: count(`GET ${p}`) - before, oldest, statuses };
  }

  it("under steady load a page reaches the app about once per second, and no reader gets a copy over a second old", async () => {
    const { renders, oldest, statuses } = await steadyLoad("/articles/steady", 4500);
    console.log(`steady load: ${renders} renders in 4.5 s; oldest copy served ${oldest} ms`);
    // Each copy lives until the end of the clock second it was made in: about 5 renders in 4.5 s (not a year's
    // worth of one: the app's s-maxage is ignored; not one per request: hundreds were made). The fake app takes
    // 150 ms to answer, so the oldest copy is about a second plus that (without the stamp: up to 2 s plus).
    expect(renders).toBeGreaterThanOrEqual(4);
    expect(renders).toBeLessThanOrEqual(7);
    expect(oldest).toBeLessThan(1500);
    expect(statuses).toContain("HIT");
    expect([...statuses].some((s) => s === "STALE" || s === "UPDATING")).toBe(true);
  }, 20_000);

  it("keeps the HTML and the router payload of one URL apart", async () => {
    const html = await get("/articles/both");
    const payload = await get("/articles/both", { RSC: "1" });
    expect(html.body).toMatch(/^<p>page<\/p>/);
    expect(payload.body).toMatch(/^payload/);
    expect((await get("/articles/both", { RSC: "1" })).body).toBe(payload.body);
    expect((await get("/articles/both")).body).toBe(html.body);
    expect([count("GET /articles/both"), count("GET /articles/both rsc")]).toEqual([1, 1]);
  });

  it("never stores anything for a signed-in visitor; other cookies do not matter", async () => {
    for (const cookie of ["theme=dark; next-auth.session-token=abc", "__Secure-next-auth.session-token.0=abc", "next-auth.session-token=x"]) {
      for (let i = 0; i < 3; i++) expect((await get("/articles/personal", { Cookie: cookie })).headers.get("x-cache-status")).toBe("BYPASS");
    }
    expect(count("GET /articles/personal")).toBe(9);
    await get("/articles/anonymous", { Cookie: "next-auth.csrf-token=abc; theme=dark" });
    await get("/articles/anonymous", { Cookie: "next-auth.csrf-token=abc; theme=dark" });
    expect(count("GET /articles/anonymous")).toBe(1);
  });

  it("never caches the newsroom, the API, previews, server actions, private answers or answers setting cookies", async () => {
    const paths = ["/admin", "/admin/stories", "/api/auth/session", "/preview/1", "/sets-cookie", "/private"];
    for (const p of paths) for (let i = 0; i < 3; i++) await get(p);
    for (const p of paths) expect(count(`GET ${p}`), p).toBe(3);
    for (let i = 0; i < 3; i++) await get("/articles/action", { "Next-Action": "abc123" }, "POST");
    // A form on a reader page may carry an image: the 11 MB limit holds on that path too.
    const upload = await fetch(`${BASE}/articles/upload`, { method: "POST", body: Buffer.alloc(5 * 1024 * 1024, 1), headers: { "Next-Action": "abc123" } });
    expect(upload.status).toBe(200);
    const tooBig = await fetch(`${BASE}/articles/upload`, { method: "POST", body: Buffer.alloc(12 * 1024 * 1024, 1) });
    expect(tooBig.status).toBe(413);
    for (let i = 0; i < 2; i++) await get("/articles/action-get", { "Next-Action": "abc123" });
    expect([count("POST /articles/action"), count("GET /articles/action-get")]).toEqual([3, 2]);
  });

  it("passes the client's address the way TRUST_PROXY_HOPS=1 reads it, with host, port and scheme", async () => {
    // Straight to an instance (the newsroom) and through the stamping server (a reader page): the same headers.
    for (const p of ["/admin/echo", "/articles/echo"]) {
      const answer = await get(p, { "X-Forwarded-For": "203.0.113.9" });
      const seen = lastHeaders.get(p)!;
      // The visitor could have sent anything; the last entry is the address nginx saw, which one hop trusts.
      expect(seen["x-forwarded-for"], p).toBe("203.0.113.9, 127.0.0.1");
      expect(seen.host, p).toBe(`127.0.0.1:${NGINX_PORT}`);
      expect(seen["x-forwarded-host"], p).toBe(`127.0.0.1:${NGINX_PORT}`);
      expect(seen["x-forwarded-proto"], p).toBe("http");
      expect(seen.connection, p).not.toBe("close");
      // nginx's own cache instruction stays between nginx and nginx.
      expect(answer.headers.get("x-accel-expires"), p).toBeNull();
    }
  });

  it("serves the build's static files itself, immutable for a year, and asks an instance for unknown ones", async () => {
    const file = await get("/_next/static/chunks/app-123.js");
    expect(file.body).toBe("console.log('built');");
    expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(count("GET /_next/static/chunks/app-123.js")).toBe(0);
    await get("/_next/static/chunks/other-release.js");
    expect(count("GET /_next/static/chunks/other-release.js")).toBe(1);
  });

  it("keeps media as long as the app says and compresses text", async () => {
    const first = await get("/media/abc/w640.webp");
    await sleep(1200);
    const second = await get("/media/abc/w640.webp");
    expect(second.body).toBe(first.body);
    expect(second.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(count("GET /media/abc/w640.webp")).toBe(1);
    // nginx compresses for each client and asks the app for plain bytes, so the cache holds one copy.
    const page = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${BASE}/articles/zipped`, { headers: { "Accept-Encoding": "gzip" } }, resolve),
    );
    page.resume();
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(lastHeaders.get("/articles/zipped")?.["accept-encoding"]).toBeUndefined();
    writeFileSync(path.join(staticDir, "chunks", "big.js"), "x".repeat(5000));
    const big = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${BASE}/_next/static/chunks/big.js`, { headers: { "Accept-Encoding": "gzip" } }, resolve),
    );
    expect(big.headers["content-encoding"]).toBe("gzip");
    big.resume();
  });

  it("spreads requests over the instances", async () => {
    for (let i = 0; i < 6; i++) await get("/admin/spread");
    expect([...(seenBy.get("/admin/spread") ?? [])].sort()).toEqual(UPSTREAM_PORTS);
  });
});
